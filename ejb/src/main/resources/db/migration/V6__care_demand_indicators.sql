-- Neighbourhood care-demand indicators per period (CBS "Kerncijfers wijken en buurten" and the like),
-- imported by the fund manager from CSV. A value CBS suppressed (".") is stored as NULL with suppressed
-- TRUE: missing, never zero.

-- One import: who, when, what it held and how many stored values it replaced.
CREATE TABLE care_indicator_import (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    municipality_id BIGINT NOT NULL,
    imported_at DATETIME(6) NOT NULL,
    imported_by VARCHAR(254) NOT NULL,
    file_shape VARCHAR(10) NOT NULL,
    row_count INT NOT NULL,
    value_count INT NOT NULL,
    suppressed_count INT NOT NULL,
    replaced_count INT NOT NULL,
    periods VARCHAR(2000) NOT NULL,
    CONSTRAINT fk_care_import_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id)
);
CREATE INDEX ix_care_import_municipality ON care_indicator_import (municipality_id, imported_at);

CREATE TABLE care_indicator_value (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    neighbourhood_id BIGINT NOT NULL,
    period_label VARCHAR(7) NOT NULL,
    period_start DATE NOT NULL,
    indicator VARCHAR(40) NOT NULL,
    indicator_value DECIMAL(14, 4),
    suppressed BOOLEAN NOT NULL DEFAULT FALSE,
    imported_at DATETIME(6) NOT NULL,
    import_id BIGINT NOT NULL,
    CONSTRAINT uq_care_indicator_value UNIQUE (neighbourhood_id, period_label, indicator),
    CONSTRAINT fk_care_value_neighbourhood FOREIGN KEY (neighbourhood_id) REFERENCES neighbourhood (id),
    CONSTRAINT fk_care_value_import FOREIGN KEY (import_id) REFERENCES care_indicator_import (id),
    -- Suppressed means no value; a value that is there is never negative.
    CONSTRAINT ck_care_value_missing CHECK ((suppressed AND indicator_value IS NULL)
        OR (NOT suppressed AND indicator_value IS NOT NULL AND indicator_value >= 0))
);
CREATE INDEX ix_care_value_indicator_period ON care_indicator_value (indicator, period_start);
CREATE INDEX ix_care_value_import ON care_indicator_value (import_id);
