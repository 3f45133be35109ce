-- DSN rewrite policy of the example project.
--
-- KumoMTA calls smtp_client_rewrite_delivery_status when a destination rejects a message.
-- Returning a code replaces the reply's code; returning nil keeps it.
local kumo = require 'kumo'

-- The table is the one the Rules panel edits; in production KumoMTA reads it from disk and
-- rebuilds the map at most every five minutes.
local rewrite_rules = kumo.memoize(function()
  return kumo.regex_set_map.new(kumo.json_load '/opt/kumomta/etc/policy/dsn_rewrite.json')
end, { name = 'dsn_rewrite_rules', ttl = '5 minutes', capacity = 1 })

kumo.on('smtp_client_rewrite_delivery_status', function(response, domain, tenant, campaign, routing_domain)
  -- Receipts and password resets keep retrying: only bulk mail gives up early.
  if tenant == 'transactional' then
    return nil
  end
  return rewrite_rules()[response]
end)
