-- The avoided-cost scenario's parameters a municipality settles on (the dashboard and the council report start from
-- them; anyone may still try other values on screen). No row means the defaults from the domain notes.
CREATE TABLE cost_parameters (
    municipality_id BIGINT PRIMARY KEY,
    wmo_cost_per_client DECIMAL(12, 2) NOT NULL,
    youth_care_cost_per_young_person DECIMAL(12, 2) NOT NULL,
    debt_help_return_per_euro DECIMAL(8, 2) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    updated_by VARCHAR(254) NOT NULL,
    CONSTRAINT fk_cost_parameters_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id),
    CONSTRAINT ck_cost_parameters_not_negative CHECK (wmo_cost_per_client >= 0
        AND youth_care_cost_per_young_person >= 0 AND debt_help_return_per_euro >= 0)
);
