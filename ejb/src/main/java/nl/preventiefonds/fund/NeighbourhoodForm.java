package nl.preventiefonds.fund;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import nl.preventiefonds.platform.Problem;

/** What a fund manager types about one neighbourhood: its CBS code, name and population (empty: unknown). */
public class NeighbourhoodForm implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long id;
    private String code;
    private String name;
    private Integer population;

    public NeighbourhoodForm() {
    }

    public NeighbourhoodForm(Long id, String code, String name, Integer population) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.population = population;
    }

    public static NeighbourhoodForm of(Neighbourhood neighbourhood) {
        return new NeighbourhoodForm(neighbourhood.getId(), neighbourhood.getCode(), neighbourhood.getName(),
                neighbourhood.getPopulation());
    }

    /** The problems of the form on its own, for a municipality with this GMgggg code. */
    public List<Problem> check(String municipalityCode, String municipalityName) {
        List<Problem> problems = new ArrayList<>();
        String normalised = NeighbourhoodCodes.normalise(code);
        if (normalised == null || normalised.isEmpty()) {
            problems.add(Problem.of("neighbourhood.codeRequired"));
        } else if (!NeighbourhoodCodes.isNeighbourhood(normalised)) {
            problems.add(Problem.of("neighbourhood.codeInvalid", normalised));
        } else if (!NeighbourhoodCodes.belongsTo(normalised, municipalityCode)) {
            problems.add(Problem.of("neighbourhood.codeOtherMunicipality", normalised, municipalityName,
                    municipalityCode));
        }
        if (name == null || name.isBlank()) {
            problems.add(Problem.of("neighbourhood.nameRequired"));
        } else if (name.strip().length() > NeighbourhoodImport.MAX_NAME) {
            problems.add(Problem.of("neighbourhood.nameTooLong", NeighbourhoodImport.MAX_NAME));
        }
        if (population != null && (population < 0 || population > NeighbourhoodImport.MAX_POPULATION)) {
            problems.add(Problem.of("neighbourhood.populationRange", NeighbourhoodImport.MAX_POPULATION));
        }
        return problems;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
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

    public Integer getPopulation() {
        return population;
    }

    public void setPopulation(Integer population) {
        this.population = population;
    }
}
