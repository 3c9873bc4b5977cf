package nl.preventiefonds;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static nl.preventiefonds.DomainOrder.FROZEN;
import static nl.preventiefonds.DomainOrder.ORDER;
import static nl.preventiefonds.DomainOrder.ROOT;
import static nl.preventiefonds.DomainOrder.domainOf;
import static nl.preventiefonds.DomainOrder.frozen;
import static nl.preventiefonds.DomainOrder.rank;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.preventiefonds.platform.RoleNames;

/**
 * The package rules of docs/architecture.md as tests over the compiled classes of both modules (the web module's
 * test classpath holds the EJB module): domains depend one way, the web side on the EJB side and never the
 * reverse, and no package cycles. A breach that is not on {@link DomainOrder#FROZEN} fails the build.
 */
@AnalyzeClasses(packages = "nl.preventiefonds", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final DescribedPredicate<Dependency> FROZEN_BREACH = DescribedPredicate.describe(
            "a frozen breach of DomainOrder.FROZEN",
            dependency -> frozen(dependency.getOriginClass().getName(), targetOf(dependency).getName()));

    @ArchTest
    static final ArchRule everyPackageBelongsToAKnownDomain = classes()
            .that().resideInAPackage("nl.preventiefonds..")
            .should(belongToADomainOf(ORDER))
            .because("a new domain takes its place in DomainOrder.ORDER and docs/architecture.md");

    @ArchTest
    static final ArchRule domainsDependOneWay = classes()
            .that().resideInAPackage("nl.preventiefonds..")
            .should(dependOnlyOnTheirOwnAndLowerDomains());

    @ArchTest
    static final ArchRule theEjbSideNeverUsesTheWebSide = noClasses()
            .that().resideInAPackage("nl.preventiefonds..").and().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("nl.preventiefonds..web..");

    @ArchTest
    static final ArchRule noPackageCycles = withoutFrozenBreaches(slices()
            .matching("nl.preventiefonds.(**)")
            .should().beFreeOfCycles());

    /** What lives in .web packages is the web module's, all else the EJB module's: the rule above is the modules' rule. */
    @ArchTest
    static void theModulesKeepToTheirPackages(JavaClasses all) {
        JavaClasses web = new ClassFileImporter().importPath(Path.of("target", "classes"));
        classes().should().resideInAPackage("nl.preventiefonds.*.web..")
                .because("the web module's classes live in <domain>.web packages")
                .check(web);
        JavaClasses ejb = new ClassFileImporter().importUrl(
                RoleNames.class.getProtectionDomain().getCodeSource().getLocation());
        noClasses().should().resideInAPackage("..web..")
                .because("the EJB module has no .web packages")
                .check(ejb);
    }

    /** The frozen list only shrinks: a breach that was mended leaves it. */
    @ArchTest
    static void everyFrozenBreachStillOccurs(JavaClasses all) {
        List<String> gone = new ArrayList<>();
        for (DomainOrder.Breach breach : FROZEN) {
            boolean occurs = all.stream()
                    .filter(c -> breach.coversOrigin(c.getName()))
                    .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                    .anyMatch(d -> breach.covers(d.getOriginClass().getName(), targetOf(d).getName())
                            && rank(domainOf(targetOf(d).getName())) > rank(domainOf(d.getOriginClass().getName())));
            if (!occurs) {
                gone.add(breach.origin() + " -> " + breach.target());
            }
        }
        if (!gone.isEmpty()) {
            throw new AssertionError("No longer breaches the domain order; remove from DomainOrder.FROZEN: " + gone);
        }
    }

    private static SliceRule withoutFrozenBreaches(SliceRule rule) {
        for (DomainOrder.Breach breach : FROZEN) {
            rule = rule.ignoreDependency(
                    DescribedPredicate.describe(breach.origin(), (JavaClass c) -> breach.coversOrigin(c.getName())),
                    DescribedPredicate.describe(breach.target(), (JavaClass c) -> breach.coversTarget(c.getBaseComponentType().getName())));
        }
        return rule;
    }

    private static JavaClass targetOf(Dependency dependency) {
        return dependency.getTargetClass().getBaseComponentType();
    }

    private static ArchCondition<JavaClass> belongToADomainOf(List<String> domains) {
        return new ArchCondition<>("belong to one of the domains " + domains) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                if (!domains.contains(domainOf(item.getPackageName()))) {
                    events.add(SimpleConditionEvent.violated(item, item.getName() + " is in no known domain"));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> dependOnlyOnTheirOwnAndLowerDomains() {
        return new ArchCondition<>("depend only on their own and lower domains (" + String.join(" < ", ORDER) + ")") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String from = domainOf(item.getName());
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    String to = domainOf(targetOf(dependency).getName());
                    if (to != null && rank(to) > rank(from) && !FROZEN_BREACH.test(dependency)) {
                        events.add(SimpleConditionEvent.violated(dependency,
                                dependency.getDescription() + ": " + from + " may not depend on " + to));
                    }
                }
            }
        };
    }
}
