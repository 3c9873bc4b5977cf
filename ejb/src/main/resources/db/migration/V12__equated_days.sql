-- Days equated to general holidays under Algemene termijnenwet art. 3 lid 3 (Besluit gelijkstelling), on which a
-- statutory term does not end. The decrees are published for a few years at a time, so the days are data a fund
-- manager extends when the next decree appears; shipped with the decree for 2026 up to 2028.
CREATE TABLE equated_day (
    equated_on DATE PRIMARY KEY,
    description VARCHAR(200) NOT NULL,
    changed_at DATETIME(6) NOT NULL,
    changed_by VARCHAR(254) NOT NULL
);

INSERT INTO equated_day (equated_on, description, changed_at, changed_by) VALUES
    ('2026-01-02', 'Vrijdag na Nieuwjaarsdag (Besluit gelijkstelling 2026-2028)', '2025-12-01 00:00:00', 'system'),
    ('2026-05-15', 'Vrijdag na Hemelvaartsdag (Besluit gelijkstelling 2026-2028)', '2025-12-01 00:00:00', 'system'),
    ('2027-05-07', 'Vrijdag na Hemelvaartsdag (Besluit gelijkstelling 2026-2028)', '2025-12-01 00:00:00', 'system'),
    ('2028-04-28', 'Vrijdag na Koningsdag (Besluit gelijkstelling 2026-2028)', '2025-12-01 00:00:00', 'system'),
    ('2028-05-26', 'Vrijdag na Hemelvaartsdag (Besluit gelijkstelling 2026-2028)', '2025-12-01 00:00:00', 'system');
