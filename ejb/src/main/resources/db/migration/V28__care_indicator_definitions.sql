-- Care indicators per municipality (issue 18): beyond the six standard CBS indicators a municipality keeps
-- its own, each with the column heading its import reads and, optionally, its own cost per case for the
-- avoided-cost scenario (NULL: the care domain's cost parameter). Stored values keep naming their indicator by
-- code (care_indicator_value.indicator), so every existing municipality gets the six standard definitions under
-- the codes its values already carry. source_key is the heading folded as the import compares headings (lower
-- case, no accents, letters and digits only), so two headings that the import cannot tell apart cannot coexist.
CREATE TABLE care_indicator_definition (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    municipality_id BIGINT NOT NULL,
    code VARCHAR(40) NOT NULL,
    name VARCHAR(200) NOT NULL,
    unit VARCHAR(30) NOT NULL,
    source_column VARCHAR(200) NOT NULL,
    source_key VARCHAR(200) NOT NULL,
    care_domain VARCHAR(30) NOT NULL,
    cost_per_case DECIMAL(12, 2),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    CONSTRAINT uq_care_definition_code UNIQUE (municipality_id, code),
    CONSTRAINT uq_care_definition_source UNIQUE (municipality_id, source_key),
    CONSTRAINT fk_care_definition_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id),
    CONSTRAINT ck_care_definition_cost CHECK (cost_per_case IS NULL OR cost_per_case >= 0)
);
INSERT INTO care_indicator_definition (municipality_id, code, name, unit, source_column, source_key, care_domain, active)
    SELECT id, 'WMO_CLIENTS_PER_1000', 'Wmo-cliënten per 1.000 inwoners', 'PER_1000_RESIDENTS', 'Wmo-cliënten relatief (per 1 000 inwoners)', 'wmoclientenrelatiefper1000inwoners', 'WMO', TRUE FROM municipality;
INSERT INTO care_indicator_definition (municipality_id, code, name, unit, source_column, source_key, care_domain, active)
    SELECT id, 'WMO_CLIENTS', 'Wmo-cliënten (aantal)', 'COUNT', 'Wmo-cliënten (aantal)', 'wmoclientenaantal', 'WMO', TRUE FROM municipality;
INSERT INTO care_indicator_definition (municipality_id, code, name, unit, source_column, source_key, care_domain, active)
    SELECT id, 'YOUTH_CARE_PERCENT', 'Jongeren met jeugdzorg (%)', 'PERCENT', 'Percentage jongeren met jeugdzorg (%)', 'percentagejongerenmetjeugdzorg', 'YOUTH_CARE', TRUE FROM municipality;
INSERT INTO care_indicator_definition (municipality_id, code, name, unit, source_column, source_key, care_domain, active)
    SELECT id, 'YOUTH_CARE_TRAJECTORIES', 'Jeugdzorgtrajecten (aantal)', 'COUNT', 'Jeugdzorgtrajecten (aantal)', 'jeugdzorgtrajectenaantal', 'YOUTH_CARE', TRUE FROM municipality;
INSERT INTO care_indicator_definition (municipality_id, code, name, unit, source_column, source_key, care_domain, active)
    SELECT id, 'SHELTERED_HOUSING_CLIENTS', 'Cliënten beschermd wonen (aantal)', 'COUNT', 'Cliënten beschermd wonen (aantal)', 'clientenbeschermdwonenaantal', 'SHELTERED_HOUSING', TRUE FROM municipality;
INSERT INTO care_indicator_definition (municipality_id, code, name, unit, source_column, source_key, care_domain, active)
    SELECT id, 'DEBT_HELP_HOUSEHOLDS_PER_1000', 'Huishoudens met schuldhulp per 1.000 huishoudens', 'PER_1000_HOUSEHOLDS', 'Huishoudens met schuldhulpverlening (per 1 000 huishoudens)', 'huishoudensmetschuldhulpverleningper1000huishoudens', 'DEBT_RELIEF', TRUE FROM municipality;
