package dev.microcytic.cdshooks.differential.bench;

import dev.microcytic.cdshooks.differential.Differential;
import dev.microcytic.cdshooks.differential.DifferentialEngine;
import dev.microcytic.cdshooks.differential.LabPanel;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.cdshooks.differential.MedicationExposure;
import dev.microcytic.cdshooks.differential.PatientContext;
import dev.microcytic.cdshooks.differential.rules.GuidelineDifferentialEngine;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.MedicationClass;
import dev.microcytic.terminology.Pregnancy;
import dev.microcytic.terminology.Sex;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * JMH benchmark of one engine evaluation on a 12-lab panel, one panel per main cause. Target: under 20 µs, so the
 * differential adds nothing noticeable to a CDS Hooks call.
 *
 * <p>Run (from the repository root):
 *
 * <pre>
 * ./mvnw -q -pl cds-hooks -am test-compile dependency:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
 * java -cp "cds-hooks/target/test-classes:cds-hooks/target/classes:$(cat cds-hooks/target/bench.cp)" \
 *     dev.microcytic.cdshooks.differential.bench.DifferentialEngineBenchmark
 * </pre>
 *
 * (1 fork, 5 × 1 s warm-up, 10 × 1 s measurement; average time per evaluation in microseconds.) Append {@code --cpu}
 * to measure thread CPU time per evaluation instead, which stays meaningful when other processes load the machine, or
 * {@code --smoke} for the CI check that the benchmark still runs (one short iteration, no fork; the figures of a smoke
 * run mean nothing).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DifferentialEngineBenchmark {

    static final LocalDate DATE = LocalDate.of(2026, 3, 2);
    /** The number of {@code cause} parameters below: one result each. */
    private static final int PANELS = 8;

    @Param({
        "iron-deficiency",
        "anemia-of-inflammation",
        "beta-thalassemia-trait",
        "alpha-thalassemia-trait",
        "lead-poisoning",
        "irida",
        "x-linked-sideroblastic",
        "iron-studies-needed"
    })
    public String cause;

    private DifferentialEngine engine;
    private LabPanel panel;
    private PatientContext context;

    @Setup
    public void setUp() {
        engine = GuidelineDifferentialEngine.standard();
        List<LabValue> labs = new ArrayList<>();
        // 12 labs: a full CBC, iron studies and CRP, varied per cause
        double[] cbc =
                switch (cause) {
                    case "beta-thalassemia-trait", "alpha-thalassemia-trait" -> new double[] {11.8, 64, 20, 6.0, 14, 31
                    };
                    case "irida" -> new double[] {9.8, 58, 17, 5.0, 18, 29};
                    case "x-linked-sideroblastic" -> new double[] {9.0, 74, 23, 3.9, 22, 31};
                    default -> new double[] {10.2, 72, 22, 4.3, 17, 30};
                };
        add(labs, Analyte.HEMOGLOBIN, cbc[0]);
        add(labs, Analyte.MCV, cbc[1]);
        add(labs, Analyte.MCH, cbc[2]);
        add(labs, Analyte.RBC_COUNT, cbc[3]);
        add(labs, Analyte.RDW_CV, cbc[4]);
        add(labs, Analyte.MCHC, cbc[5]);
        add(labs, Analyte.PLATELETS, 350);
        add(labs, Analyte.WBC, 6.5);
        switch (cause) {
            case "iron-deficiency" -> ironStudies(labs, 8, 30, 450, 1);
            case "anemia-of-inflammation" -> ironStudies(labs, 300, 40, 250, 35);
            case "beta-thalassemia-trait" -> {
                ironStudies(labs, 80, 100, 330, 1);
                labs.set(7, value(Analyte.HBA2, 5.1));
            }
            case "alpha-thalassemia-trait" -> {
                ironStudies(labs, 120, 100, 330, 1);
                labs.set(7, value(Analyte.HBA2, 2.3));
            }
            case "lead-poisoning" -> {
                ironStudies(labs, 25, 50, 400, 1);
                labs.set(7, value(Analyte.BLOOD_LEAD, 52));
            }
            case "irida" -> {
                ironStudies(labs, 60, 20, 400, 1);
                labs.set(7, value(Analyte.HEPCIDIN, 4.0));
            }
            case "x-linked-sideroblastic" -> {
                ironStudies(labs, 900, 280, 310, 1);
                labs.set(7, value(Analyte.HBA2, 2.5));
            }
            default -> {
                add(labs, Analyte.RETICULOCYTES_PERCENT, 1.0);
                add(labs, Analyte.HEMATOCRIT, 31);
                add(labs, Analyte.ESR, 12);
                add(labs, Analyte.ALT, 20);
            }
        }
        panel = LabPanel.of(labs);
        context = new PatientContext(
                DATE,
                DATE.minusYears("lead-poisoning".equals(cause) ? 3 : 35),
                "x-linked-sideroblastic".equals(cause) ? Sex.MALE : Sex.FEMALE,
                Pregnancy.NOT_PREGNANT,
                Set.of(ClinicalFlag.BLEEDING),
                List.of(new MedicationExposure(MedicationClass.PROTON_PUMP_INHIBITOR, DATE.minusDays(200), null, true)),
                null);
        if (engine.evaluate(panel, context).isEmpty()) {
            throw new IllegalStateException("benchmark panel " + cause + " is not microcytic");
        }
    }

    private static void ironStudies(List<LabValue> labs, double ferritin, double iron, double tibc, double crp) {
        add(labs, Analyte.FERRITIN, ferritin);
        add(labs, Analyte.IRON, iron);
        add(labs, Analyte.TIBC, tibc);
        add(labs, Analyte.CRP, crp);
    }

    private static void add(List<LabValue> labs, Analyte analyte, double value) {
        labs.add(value(analyte, value));
    }

    private static LabValue value(Analyte analyte, double value) {
        Instant at = DATE.atTime(9, 0).toInstant(ZoneOffset.UTC);
        return new LabValue(analyte, value, at, "Observation/" + analyte.ordinal(), null, null, false);
    }

    @Benchmark
    public Differential evaluate() {
        return engine.evaluate(panel, context);
    }

    public static void main(String[] args) throws RunnerException {
        if (args.length > 0 && "--cpu".equals(args[0])) {
            cpuTime();
            return;
        }
        boolean smoke = args.length > 0 && "--smoke".equals(args[0]);
        Options options = new OptionsBuilder()
                .include(DifferentialEngineBenchmark.class.getSimpleName())
                .forks(smoke ? 0 : 1)
                .warmupIterations(smoke ? 1 : 5)
                .warmupTime(smoke ? TimeValue.milliseconds(200) : TimeValue.seconds(1))
                .measurementIterations(smoke ? 1 : 10)
                .measurementTime(smoke ? TimeValue.milliseconds(200) : TimeValue.seconds(1))
                .build();
        var results = new Runner(options).run();
        if (results.size() != PANELS) {
            throw new IllegalStateException("expected " + PANELS + " results, got " + results.size());
        }
    }

    /**
     * Thread CPU time per evaluation after 200k warm-up calls: the cost on one core, independent of how many other
     * processes compete for the CPU (JMH wall-clock figures are meaningless on a saturated machine).
     */
    static void cpuTime() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        String[] causes;
        try {
            causes = DifferentialEngineBenchmark.class
                    .getField("cause")
                    .getAnnotation(Param.class)
                    .value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
        long sink = 0;
        for (String cause : causes) {
            DifferentialEngineBenchmark b = new DifferentialEngineBenchmark();
            b.cause = cause;
            b.setUp();
            for (int i = 0; i < 200_000; i++) {
                sink += b.evaluate().causes().size();
            }
            int n = 200_000;
            long cpu0 = mx.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += b.evaluate().causes().size();
            }
            double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1000.0 / n;
            double wall = (System.nanoTime() - wall0) / 1000.0 / n;
            System.out.println(cause + ": cpu " + Math.round(cpu * 100) / 100.0 + " us/op, wall "
                    + Math.round(wall * 100) / 100.0 + " us/op");
        }
        System.out.println("(checksum " + sink + ")");
    }
}
