package dev.rapport.report;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Everything the report shows, already aggregated to a few hundred rows at most. Every section is
 * empty (or absent) when its table is missing or has no rows yet.
 */
public record ReportData(
        List<DayCounts> npsByDay,
        List<GroupCounts> npsByChannel,
        List<GroupCounts> npsByTouchpoint,
        List<DayCounts> csatByDay,
        List<DayCounts> cesByDay,
        List<DayCounts> slaByDay,
        List<GroupCounts> slaByPriority,
        Optional<EmailTotals> email,
        List<Topic> detractorTopics,
        IdentityHealth identity,
        Optional<List<Transition>> transitions,
        Optional<Health> health) {

    public ReportData {
        npsByDay = List.copyOf(npsByDay);
        npsByChannel = List.copyOf(npsByChannel);
        npsByTouchpoint = List.copyOf(npsByTouchpoint);
        csatByDay = List.copyOf(csatByDay);
        cesByDay = List.copyOf(cesByDay);
        slaByDay = List.copyOf(slaByDay);
        slaByPriority = List.copyOf(slaByPriority);
        requireNonNull(email, "email is null");
        detractorTopics = List.copyOf(detractorTopics);
        requireNonNull(identity, "identity is null");
        requireNonNull(transitions, "transitions is null");
        requireNonNull(health, "health is null");
    }

    /**
     * Counts of one day: {@code total} answers (or tickets), of which {@code positive} (promoters,
     * satisfied, easy, breached) and {@code negative} (detractors; 0 where the measure has none).
     */
    public record DayCounts(LocalDate day, long total, long positive, long negative) {
        public DayCounts {
            requireNonNull(day, "day is null");
        }
    }

    /** The same counts for a named group: a channel, a touchpoint, a priority. */
    public record GroupCounts(String name, long total, long positive, long negative) {
        public GroupCounts {
            requireNonNull(name, "name is null");
        }
    }

    /** Email engagement over every campaign: each recipient counted once per campaign and measure. */
    public record EmailTotals(
            long sent, long delivered, long bounced, long opens, long clicks, long unsubscribes, long spamReports) {}

    /** A term of NPS comments in one language, over every month: how many detractors mention it. */
    public record Topic(String language, String word, long responses, long detractors) {
        public Topic {
            requireNonNull(language, "language is null");
            requireNonNull(word, "word is null");
        }
    }

    /** What the newest ingestion run did with one source. */
    public record SourceRun(String source, long read, long stored, long deduplicated, long quarantined) {
        public SourceRun {
            requireNonNull(source, "source is null");
        }
    }

    /** Identity resolution at a glance: records, customers and how many records each customer has. */
    public record IdentityHealth(
            long records,
            long customers,
            List<String> sources,
            SortedMap<Integer, Long> clusterSizes,
            List<SourceRun> runs) {

        public IdentityHealth {
            sources = List.copyOf(sources);
            clusterSizes = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(clusterSizes));
            runs = List.copyOf(runs);
        }

        /** Share of records that belong to a customer with more than one record. */
        public double matchRate() {
            long all = 0;
            long matched = 0;
            for (Map.Entry<Integer, Long> size : clusterSizes.entrySet()) {
                long records = (long) size.getKey() * size.getValue();
                all += records;
                if (size.getKey() > 1) {
                    matched += records;
                }
            }
            return all == 0 ? 0 : (double) matched / all;
        }

        public int largestCluster() {
            return clusterSizes.isEmpty() ? 0 : clusterSizes.lastKey();
        }
    }

    /**
     * One step of the funnel over every cohort and channel at one window: customers who reached
     * {@code from}, how many went on to {@code to}, and the hours it took (percentiles averaged
     * over cohorts, weighted by conversions).
     */
    public record Transition(
            String from,
            String to,
            int windowDays,
            long customers,
            long converted,
            double p25Hours,
            double medianHours,
            double p75Hours,
            double p90Hours) {
        public Transition {
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
        }

        public double conversionRate() {
            return customers == 0 ? 0 : (double) converted / customers;
        }
    }

    /** Customers most at risk as of the newest health snapshot, and how many are in each band. */
    public record Health(String asOf, List<AtRisk> mostAtRisk, Map<String, Long> bands) {
        public Health {
            requireNonNull(asOf, "asOf is null");
            mostAtRisk = List.copyOf(mostAtRisk);
            bands = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bands));
        }
    }

    public record AtRisk(
            String customerId,
            double churnRisk,
            String band,
            List<String> reasons,
            String lastNps,
            long openTickets,
            long breachedTickets) {
        public AtRisk {
            requireNonNull(customerId, "customerId is null");
            reasons = List.copyOf(reasons);
        }
    }
}
