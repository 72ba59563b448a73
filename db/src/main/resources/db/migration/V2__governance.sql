-- Governance: teams, console users, virtual keys, provider credentials, the audit log and the spend
-- ledger. Needs PostgreSQL 15 or newer (UNIQUE NULLS NOT DISTINCT); the embedded server is 17.

CREATE TABLE team (
    id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    name           text        NOT NULL UNIQUE,
    models         text[],                      -- null: every model; otherwise the allow-list
    rpm_limit      integer     CHECK (rpm_limit > 0),
    tpm_limit      bigint      CHECK (tpm_limit > 0),
    max_budget_usd numeric(18, 6) CHECK (max_budget_usd >= 0),
    budget_period  text        CHECK (budget_period IN ('daily', 'weekly', 'monthly', 'total')),
    metadata       jsonb       NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- People who sign in to the console. A platform admin sees every team; others see the teams they
-- belong to, as team admin or member.
CREATE TABLE app_user (
    id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    email          text        NOT NULL UNIQUE,
    display_name   text,
    password_hash  text,                        -- bcrypt; null until a password is set
    platform_admin boolean     NOT NULL DEFAULT false,
    disabled       boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE team_membership (
    team_id    uuid        NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    user_id    uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role       text        NOT NULL CHECK (role IN ('admin', 'member')),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (team_id, user_id)
);

CREATE INDEX team_membership_user ON team_membership (user_id);

-- Keys are stored as the SHA-256 of the plaintext (hex) and a short prefix to recognise them by;
-- the plaintext is shown once, at creation or rotation.
CREATE TABLE virtual_key (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    name            text        NOT NULL,
    key_hash        char(64)    NOT NULL UNIQUE,
    key_prefix      text        NOT NULL,
    team_id         uuid        REFERENCES team (id) ON DELETE SET NULL,
    owner_user_id   uuid        REFERENCES app_user (id) ON DELETE SET NULL,
    admin           boolean     NOT NULL DEFAULT false, -- may call the admin API (within its team when it has one)
    models          text[],
    rpm_limit       integer     CHECK (rpm_limit > 0),
    tpm_limit       bigint      CHECK (tpm_limit > 0),
    max_budget_usd  numeric(18, 6) CHECK (max_budget_usd >= 0),
    budget_period   text        CHECK (budget_period IN ('daily', 'weekly', 'monthly', 'total')),
    default_tier    text        CHECK (default_tier IN ('simple', 'medium', 'complex', 'reasoning')),
    never_downgrade boolean     NOT NULL DEFAULT false,
    expires_at      timestamptz,
    status          text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked', 'expired')),
    metadata        jsonb       NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    revoked_at      timestamptz,
    rotated_at      timestamptz
);

CREATE INDEX virtual_key_team ON virtual_key (team_id);

-- Provider API keys entered through the console or the admin API, encrypted with AES-GCM under the
-- key named by key_id (so that the encryption key can be rotated: old rows stay readable).
CREATE TABLE provider_credential (
    name       text        PRIMARY KEY,
    key_id     text        NOT NULL,
    nonce      bytea       NOT NULL,
    ciphertext bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Every change made through the console or the admin API.
CREATE TABLE audit_log (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,
    action      text        NOT NULL,
    entity_type text        NOT NULL,
    entity_id   text,
    before      jsonb,
    after       jsonb
);

CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, occurred_at DESC);
CREATE INDEX audit_log_time ON audit_log (occurred_at DESC);

-- One row per client request, written in batches off the request path. Partitioned by month so
-- that retention is dropping a partition; the request id makes a replayed row a no-op.
CREATE TABLE spend_ledger (
    request_id        text             NOT NULL,
    occurred_at       timestamptz      NOT NULL,
    key_id            uuid,
    team_id           uuid,
    operation         text             NOT NULL,
    requested_model   text             NOT NULL,
    deployment        text,                         -- provider/upstream-model that served
    provider          text,
    input_tokens      integer          NOT NULL DEFAULT 0,
    output_tokens     integer          NOT NULL DEFAULT 0,
    cached_tokens     integer          NOT NULL DEFAULT 0,
    cost_usd          numeric(18, 9),
    baseline_cost_usd numeric(18, 9),
    latency_ms        double precision NOT NULL,
    first_token_ms    double precision,
    status            smallint         NOT NULL,
    error_code        text,
    route_tier        text,
    cache_hit         boolean          NOT NULL DEFAULT false,
    fallbacks         smallint         NOT NULL DEFAULT 0,
    PRIMARY KEY (request_id, occurred_at)
) PARTITION BY RANGE (occurred_at);

CREATE INDEX spend_ledger_key_time ON spend_ledger (key_id, occurred_at);
CREATE INDEX spend_ledger_team_time ON spend_ledger (team_id, occurred_at);

-- Creates the month's partition of spend_ledger if it does not exist yet; returns its name.
CREATE FUNCTION ensure_spend_ledger_partition(at timestamptz) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    month_start date := date_trunc('month', at AT TIME ZONE 'UTC')::date;
    partition   text := format('spend_ledger_%s', to_char(month_start, 'YYYY_MM'));
BEGIN
    IF to_regclass(partition) IS NULL THEN
        EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF spend_ledger FOR VALUES FROM (%L) TO (%L)',
                       partition,
                       (month_start::timestamp AT TIME ZONE 'UTC'),
                       ((month_start + interval '1 month')::timestamp AT TIME ZONE 'UTC'));
    END IF;
    RETURN partition;
END
$$;

SELECT ensure_spend_ledger_partition(now());
SELECT ensure_spend_ledger_partition(now() + interval '1 month');

-- Daily totals per key, team and requested model (UTC days), kept up to date by the ledger writer in
-- the same statement that inserts the rows. Dashboards and budget checks read these, not the ledger.
CREATE TABLE spend_daily (
    day               date           NOT NULL,
    key_id            uuid,
    team_id           uuid,
    model             text           NOT NULL,
    requests          bigint         NOT NULL DEFAULT 0,
    errors            bigint         NOT NULL DEFAULT 0,
    input_tokens      bigint         NOT NULL DEFAULT 0,
    output_tokens     bigint         NOT NULL DEFAULT 0,
    cached_tokens     bigint         NOT NULL DEFAULT 0,
    cost_usd          numeric(20, 9) NOT NULL DEFAULT 0,
    baseline_cost_usd numeric(20, 9) NOT NULL DEFAULT 0,
    CONSTRAINT spend_daily_identity UNIQUE NULLS NOT DISTINCT (day, key_id, team_id, model)
);

CREATE INDEX spend_daily_key ON spend_daily (key_id, day);
CREATE INDEX spend_daily_team ON spend_daily (team_id, day);

-- Every replica keeps keys, teams and the routing configuration in memory; these notifications tell
-- them what changed so that a revoke or an edit is in force everywhere within a second.
CREATE FUNCTION notify_governance_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    changed record := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
BEGIN
    PERFORM pg_notify('meridian_governance', TG_TABLE_NAME || ':' || changed.id::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER team_changed AFTER INSERT OR UPDATE OR DELETE ON team
    FOR EACH ROW EXECUTE FUNCTION notify_governance_change();
CREATE TRIGGER virtual_key_changed AFTER INSERT OR UPDATE OR DELETE ON virtual_key
    FOR EACH ROW EXECUTE FUNCTION notify_governance_change();

CREATE FUNCTION notify_routing_config_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('meridian_routing_config', NEW.version::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER routing_config_version_added AFTER INSERT ON routing_config_version
    FOR EACH ROW EXECUTE FUNCTION notify_routing_config_change();
