local map = kumo.regex_set_map.new(kumo.json_load '/tmp/dsn_rewrite.json')
kumo.on('smtp_client_rewrite_delivery_status', function(response)
  return map[response]
end)
