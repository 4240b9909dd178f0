// What log shippers' Elasticsearch outputs ask before they send: the root (version), the licence
// (Filebeat and Logstash refuse an "oss" or unknown licence), cluster health (Vector's and rsyslog's
// health checks), and index templates / ILM policies (answered as already present, so nothing is
// installed). AuditDesk claims 8.x: every current shipper speaks it, and it needs no mapping types.
export const ES_VERSION = '8.11.0';

export function rootInfo() {
  return {
    name: 'auditdesk',
    cluster_name: 'auditdesk',
    cluster_uuid: 'auditdesk-collector',
    version: {
      number: ES_VERSION,
      build_flavor: 'default',
      build_type: 'auditdesk',
      build_hash: '0000000000000000000000000000000000000000',
      build_date: '2023-11-04T10:04:57.184859352Z',
      build_snapshot: false,
      lucene_version: '9.8.0',
      minimum_wire_compatibility_version: '7.17.0',
      minimum_index_compatibility_version: '7.0.0',
    },
    tagline: 'You Know, for Search',
  };
}

export function licenseInfo() {
  return {
    license: {
      status: 'active',
      uid: '00000000-0000-0000-0000-000000000000',
      type: 'basic',
      issue_date: '2024-01-01T00:00:00.000Z',
      issue_date_in_millis: 1704067200000,
      max_nodes: 1000,
      max_resource_units: null,
      issued_to: 'auditdesk',
      issuer: 'elasticsearch',
      start_date_in_millis: -1,
    },
  };
}

export function xpackInfo() {
  return {
    build: { hash: '0000000', date: '2023-11-04T10:04:57.184859352Z' },
    license: { uid: '00000000-0000-0000-0000-000000000000', type: 'basic', mode: 'basic', status: 'active' },
    features: {},
    tagline: 'for AuditDesk',
  };
}

export function clusterHealth() {
  return {
    cluster_name: 'auditdesk',
    status: 'green',
    timed_out: false,
    number_of_nodes: 1,
    number_of_data_nodes: 1,
    active_primary_shards: 1,
    active_shards: 1,
    relocating_shards: 0,
    initializing_shards: 0,
    unassigned_shards: 0,
    delayed_unassigned_shards: 0,
    number_of_pending_tasks: 0,
    number_of_in_flight_fetch: 0,
    task_max_waiting_in_queue_millis: 0,
    active_shards_percent_as_number: 100.0,
  };
}

/** `_cat/health` as text (rsyslog only looks at the status code). */
export function catHealth(): string {
  return `${Math.floor(Date.now() / 1000)} 00:00:00 auditdesk green 1 1 1 1 0 0 0 0 - 100.0%\n`;
}

/** An Elasticsearch-shaped error body. */
export function esError(status: number, type: string, reason: string) {
  return { error: { root_cause: [{ type, reason }], type, reason }, status };
}
