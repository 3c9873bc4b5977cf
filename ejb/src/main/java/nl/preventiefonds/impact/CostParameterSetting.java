package nl.preventiefonds.impact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** A municipality's settled scenario parameters; keyed by the municipality, one row at most. */
@Entity
@Table(name = "cost_parameters")
public class CostParameterSetting implements Serializable {
    private static final long serialVersionUID = 1L;
    @Id
    @Column(name = "municipality_id")
    private Long municipalityId;

    @Column(name = "wmo_cost_per_client", nullable = false, precision = 12, scale = 2)
    private BigDecimal wmoCost;

    @Column(name = "youth_care_cost_per_young_person", nullable = false, precision = 12, scale = 2)
    private BigDecimal youthCareCost;

    @Column(name = "debt_help_return_per_euro", nullable = false, precision = 8, scale = 2)
    private BigDecimal debtHelpReturn;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 254)
    private String updatedBy;

    protected CostParameterSetting() {
    }

    public CostParameterSetting(long municipalityId) {
        this.municipalityId = municipalityId;
    }

    public AvoidedCostScenario.CostParameters parameters() {
        return new AvoidedCostScenario.CostParameters(wmoCost, youthCareCost, debtHelpReturn);
    }

    public void change(AvoidedCostScenario.CostParameters parameters, Instant at, String by) {
        this.wmoCost = parameters.wmoCostPerClientPerYear();
        this.youthCareCost = parameters.youthCarePerYoungPersonPerYear();
        this.debtHelpReturn = parameters.debtHelpReturnPerEuro();
        this.updatedAt = at;
        this.updatedBy = by;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
