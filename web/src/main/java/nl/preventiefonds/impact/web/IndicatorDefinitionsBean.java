package nl.preventiefonds.impact.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import nl.preventiefonds.application.CareDomain;
import nl.preventiefonds.impact.CareDemandService;
import nl.preventiefonds.impact.CareIndicator;
import nl.preventiefonds.impact.CareIndicatorDefinition;
import nl.preventiefonds.impact.CareIndicatorDefinitions;
import nl.preventiefonds.platform.Problem;
import nl.preventiefonds.platform.web.FieldProblems;
import nl.preventiefonds.platform.web.Messages;

/**
 * The municipality's care indicators on admin/indicators.xhtml: the list (the six standard ones and the
 * municipality's own), and the form to add or change one; deactivating keeps its values.
 */
@Named("indicatorDefinitions")
@ViewScoped
public class IndicatorDefinitionsBean implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String FORM = "definitionForm:";

    @Inject
    private CareIndicatorDefinitions service;

    @Inject
    private CareDemandService careDemand;

    /** The import section of the same page: the columns it lists follow the indicators. */
    @Inject
    private IndicatorsBean importSection;

    private List<Row> rows = List.of();
    private Form form;

    /** One indicator as the list shows it; {@code label} in the page's language for an unchanged standard one. */
    public record Row(long id, String code, String label, String sourceColumn, CareDomain careDomain,
            CareIndicator.Unit unit, BigDecimal costPerCase, boolean active, boolean standard) implements Serializable {
    }

    /** The form's fields; {@code id} null for a new indicator. */
    public static class Form implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long id;
        private String code;
        private String name;
        private String unit = CareIndicator.Unit.COUNT.name();
        private String sourceColumn;
        private String careDomain = CareDomain.WMO.name();
        private BigDecimal costPerCase;

        public Long getId() {
            return id;
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getUnit() {
            return unit;
        }

        public void setUnit(String unit) {
            this.unit = unit;
        }

        public String getSourceColumn() {
            return sourceColumn;
        }

        public void setSourceColumn(String sourceColumn) {
            this.sourceColumn = sourceColumn;
        }

        public String getCareDomain() {
            return careDomain;
        }

        public void setCareDomain(String careDomain) {
            this.careDomain = careDomain;
        }

        public BigDecimal getCostPerCase() {
            return costPerCase;
        }

        public void setCostPerCase(BigDecimal costPerCase) {
            this.costPerCase = costPerCase;
        }

        CareIndicatorDefinitions.Draft draft() {
            return new CareIndicatorDefinitions.Draft(code, name, unit, sourceColumn, careDomain, costPerCase);
        }
    }

    @PostConstruct
    void load() {
        rows = service.definitions(careDemand.ownMunicipalityId()).stream().map(IndicatorDefinitionsBean::row)
                .toList();
    }

    static Row row(CareIndicatorDefinition d) {
        return new Row(d.getId(), d.getCode(), label(d), d.getSourceColumn(), d.getCareDomain(), d.getUnit(),
                d.getCostPerCase(), d.isActive(), d.standardIndicator().isPresent());
    }

    /** The indicator's own name, or the standard text in the page's language while a standard one keeps its name. */
    static String label(CareIndicatorDefinition d) {
        return ImpactDashboardBean.label(d.getCode(), d.customName());
    }

    public void create() {
        form = new Form();
    }

    public void edit(long id) {
        CareIndicatorDefinition d = service.definitions(careDemand.ownMunicipalityId()).stream()
                .filter(x -> x.getId() == id).findFirst().orElse(null);
        if (d == null) {
            load();
            return;
        }
        form = new Form();
        form.id = d.getId();
        form.code = d.getCode();
        form.name = d.getName();
        form.unit = d.getUnit().name();
        form.sourceColumn = d.getSourceColumn();
        form.careDomain = d.getCareDomain().name();
        form.costPerCase = d.getCostPerCase();
    }

    public void save() {
        FieldProblems.bind("form.notSaved", IndicatorDefinitionsBean::fieldOf);
        CareIndicatorDefinition saved = form.id == null
                ? service.create(careDemand.ownMunicipalityId(), form.draft())
                : service.update(form.id, form.draft());
        Messages.info(form.id == null ? "indicatorDefinitions.created" : "indicatorDefinitions.saved", label(saved));
        form = null;
        load();
        importSection.refresh();
    }

    public void cancel() {
        form = null;
    }

    public void setActive(long id, boolean active) {
        FieldProblems.bind(problem -> null);
        CareIndicatorDefinition changed = service.setActive(id, active);
        Messages.info(active ? "indicatorDefinitions.activated" : "indicatorDefinitions.deactivated", label(changed));
        load();
        importSection.refresh();
    }

    private static String fieldOf(Problem problem) {
        return switch (problem.key()) {
            case "indicatorDefinition.codeRequired", "indicatorDefinition.codeInvalid", "indicatorDefinition.codeTaken",
                 "indicatorDefinition.codeHasValues" -> FORM + "code";
            case "indicatorDefinition.nameRequired", "indicatorDefinition.nameTooLong" -> FORM + "name";
            case "indicatorDefinition.sourceColumnRequired", "indicatorDefinition.sourceColumnTooLong",
                 "indicatorDefinition.sourceColumnReserved", "indicatorDefinition.sourceColumnTaken" ->
                    FORM + "sourceColumn";
            case "indicatorDefinition.unitUnknown" -> FORM + "unit";
            case "indicatorDefinition.careDomainUnknown" -> FORM + "careDomain";
            case "indicatorDefinition.costInvalid" -> FORM + "costPerCase";
            default -> null;
        };
    }

    public List<Row> getRows() {
        return rows;
    }

    public Form getForm() {
        return form;
    }

    public boolean isEditing() {
        return form != null;
    }

    public CareIndicator.Unit[] getUnits() {
        return CareIndicator.Unit.values();
    }

    public CareDomain[] getCareDomains() {
        return CareDomain.values();
    }
}
