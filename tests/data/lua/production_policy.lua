-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: 2026 DSN Workbench authors
-- A production-style KumoMTA policy: listeners, spools, logs, shaping, queues and DKIM the
-- workbench does not emulate, around the one handler it does run.
local kumo = require 'kumo'
local shaping = require 'policy-extras.shaping'
local queue_module = require 'policy-extras.queue'
local listener_domains = require 'policy-extras.listener_domains'
local sources = require 'policy-extras.sources'
local dkim_sign = require 'policy-extras.dkim_sign'

kumo.set_diagnostic_log_filter 'kumod=info'

local shaper = shaping:setup_with_automation {
  publish = { 'http://127.0.0.1:8008' },
  subscribe = { 'http://127.0.0.1:8008' },
  extra_files = { '/opt/kumomta/etc/policy/shaping.toml' },
}
local queue_helper = queue_module:setup { '/opt/kumomta/etc/policy/queues.toml' }
sources:setup { '/opt/kumomta/etc/policy/egress_sources.toml' }
local dkim_signer = dkim_sign:setup { '/opt/kumomta/etc/policy/dkim_data.toml' }

local api_key = kumo.secrets.load { key_data = '/opt/kumomta/etc/secrets/api.key' }
kumo.log_info('loaded api key ' .. api_key)

kumo.on('init', function()
  kumo.configure_local_logs {
    log_dir = '/var/log/kumomta',
    max_segment_duration = '1 minute',
  }
  kumo.define_spool { name = 'data', path = '/var/spool/kumomta/data', kind = 'RocksDB' }
  kumo.define_spool { name = 'meta', path = '/var/spool/kumomta/meta', kind = 'RocksDB' }
  kumo.start_http_listener { listen = '127.0.0.1:8000', trusted_hosts = { '127.0.0.1', '::1' } }
  kumo.start_esmtp_listener {
    listen = '0.0.0.0:25',
    hostname = 'mta.example.com',
    relay_hosts = { '127.0.0.1', '10.0.0.0/8' },
  }
  shaper.setup_publish()
end)

kumo.on('get_listener_domain', listener_domains:setup { '/opt/kumomta/etc/policy/listener_domains.toml' })
kumo.on('get_egress_path_config', shaper.get_egress_path_config)

kumo.on('get_queue_config', function(domain, tenant, campaign, routing_domain)
  return queue_helper:get_queue_config(domain, tenant, campaign, routing_domain)
end)

kumo.on('smtp_server_message_received', function(msg)
  local signer = kumo.dkim.rsa_sha256_signer {
    domain = msg:from_header().domain,
    selector = 'default',
    headers = { 'From', 'To', 'Subject', 'Date' },
    key = '/opt/kumomta/etc/dkim/example.com/default.key',
  }
  msg:dkim_sign(signer)
  dkim_signer(msg)
end)

local get_rewrites = kumo.memoize(function()
  return kumo.regex_set_map.new(kumo.json_load '/opt/kumomta/etc/policy/dsn_rewrite.json')
end, { name = 'dsn_rewrite', ttl = '5 minutes', capacity = 1 })

kumo.on('smtp_client_rewrite_delivery_status', function(response, domain, tenant, campaign, routing_domain)
  if tenant == 'transactional' then
    return nil
  end
  return get_rewrites()[response]
end)
