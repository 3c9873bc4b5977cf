package nl.preventiefonds.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.preventiefonds.call.ReportKind;
import nl.preventiefonds.decision.DecisionLetter;
import nl.preventiefonds.decision.DecisionLetterData;
import nl.preventiefonds.decision.DecisionOutcome;

/**
 * Renders decision letters in this JVM, without server or database, and prints milliseconds per letter: the
 * first letter (cold: class loading, font parsing), then {@code bench.render} letters one after another (warm),
 * then the same number on {@code bench.render.threads} threads. Run by {@code mvn -Pbench verify} before the load
 * benchmark; {@code -Dbench.render=0} skips it. A benchmark, not a test: it never fails on a slow figure.
 */
public final class LetterBenchmark {
    private LetterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int letters = Integer.getInteger("bench.render", 200);
        int threads = Integer.getInteger("bench.render.threads", 4);
        if (letters <= 0) {
            System.out.println("[bench] letter rendering skipped (-Dbench.render=0)");
            return;
        }
        long t0 = System.nanoTime();
        int bytes = DecisionLetter.render(letter(0)).length;
        report("cold, first letter", 1, System.nanoTime() - t0, bytes);

        // a short warm-up so the JIT has compiled the hot paths before the sequential figure
        for (int i = 1; i <= 50; i++) {
            DecisionLetter.render(letter(i));
        }
        long start = System.nanoTime();
        long total = 0;
        for (int i = 0; i < letters; i++) {
            total += DecisionLetter.render(letter(i)).length;
        }
        report("warm, sequential", letters, System.nanoTime() - start, total / letters);

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            start = System.nanoTime();
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < letters; i++) {
                int n = i;
                done.add(pool.submit(() -> DecisionLetter.render(letter(n)).length));
            }
            total = 0;
            for (Future<Integer> f : done) {
                total += f.get();
            }
            report("warm, " + threads + " threads", letters, System.nanoTime() - start, total / letters);
        } finally {
            pool.shutdown();
        }
        System.out.printf(Locale.ROOT, "[bench] %d processors, heap max %d MiB%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    }

    private static void report(String what, int letters, long nanos, long bytesPerLetter) {
        System.out.printf(Locale.ROOT, "[bench] letters %-20s %4d letters in %8.1f ms: %6.2f ms per letter"
                + " (%,d bytes each)%n", what, letters, nanos / 1e6, nanos / 1e6 / letters, bytesPerLetter);
    }

    /** An award as the decision batch gives them: two obligations, an advance and a final tranche. */
    private static DecisionLetterData letter(int n) {
        BigDecimal requested = new BigDecimal(5_000 + (n * 37) % 20_000).setScale(2);
        BigDecimal advance = requested.multiply(new BigDecimal("0.80")).setScale(2);
        LocalDate today = LocalDate.of(2026, 11, 23);
        return new DecisionLetterData("Assen", "Preventiefonds Assen", "PF-2026-" + (10_000 + n), today,
                "Stichting Buurtkamer Noë " + n, "Anna de Vries", "Ontmoeten en bewegen in Pittelo " + n,
                "Preventiefonds 2026, tweede ronde", DecisionOutcome.AWARD, requested, requested,
                "De aanvraag past goed bij de doelen van de regeling: ontmoeting, bewegen en vroegsignalering van"
                        + " eenzaamheid in de wijk. Het beoordelingsteam adviseert positief (score 4,2 van 5).",
                List.of("U noemt de gemeente Assen in uw publiciteit.", "U houdt een deelnemerslijst bij.",
                        "U meldt wijzigingen in de planning binnen twee weken."),
                List.of(new DecisionLetterData.Tranche("Voorschot", today.plusDays(14), advance)),
                ReportKind.ACTIVITY_REPORT, today.plusMonths(15), today.plusWeeks(6),
                "het college van burgemeester en wethouders van de gemeente Assen", "Beslisser 1",
                "de subsidieregeling Preventiefonds Assen");
    }
}
