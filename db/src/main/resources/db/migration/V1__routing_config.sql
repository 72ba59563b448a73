-- Every version of the routing configuration (providers, models, routing, cache) as YAML.
-- The newest row is the active configuration; older rows are kept for diffs and rollback.
CREATE TABLE routing_config_version (
    version        integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    content        text        NOT NULL,
    content_sha256 char(64)    NOT NULL,
    source         text        NOT NULL CHECK (source IN ('file', 'console', 'api', 'rollback')),
    created_by     text,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX routing_config_version_source ON routing_config_version (source, version DESC);
