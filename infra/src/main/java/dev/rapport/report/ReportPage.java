package dev.rapport.report;

import dev.rapport.metrics.nps.NpsAggregate;
import dev.rapport.metrics.nps.NpsConfidenceInterval;
import dev.rapport.report.Periods.Period;
import dev.rapport.report.ReportData.AtRisk;
import dev.rapport.report.ReportData.DayCounts;
import dev.rapport.report.ReportData.EmailTotals;
import dev.rapport.report.ReportData.GroupCounts;
import dev.rapport.report.ReportData.Health;
import dev.rapport.report.ReportData.IdentityHealth;
import dev.rapport.report.ReportData.SourceRun;
import dev.rapport.report.ReportData.Topic;
import dev.rapport.report.ReportData.Transition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report as one self-contained HTML page: inline CSS, inline SVG charts and a small inline
 * script (tooltips, and markers a test can read: {@code data-script-ran} on the root element once
 * the script has run, {@code data-script-errors} as soon as any script error happens).
 */
public final class ReportPage {

    /** The sections in page order: id and heading. */
    public static final Map<String, String> SECTIONS = sections();

    public static final String NOT_COMPUTED = "not computed yet: run rapport metrics";

    private static final int TOPICS_PER_LANGUAGE = 6;
    private static final int MAX_GROUPS = 12;

    private final ReportData data;
    private final String generatedAt;

    public ReportPage(ReportData data, String generatedAt) {
        this.data = data;
        this.generatedAt = generatedAt;
    }

    private static Map<String, String> sections() {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("nps", "Net Promoter Score");
        sections.put("satisfaction", "Satisfaction and effort");
        sections.put("sla", "Support SLA");
        sections.put("email", "Email engagement");
        sections.put("topics", "What detractors talk about");
        sections.put("identity", "Identity health");
        sections.put("funnel", "Funnel and time between stages");
        sections.put("at-risk", "Customers most at risk");
        return java.util.Collections.unmodifiableMap(sections);
    }

    /** The overall NPS over every answer, when there is any. */
    public Optional<NpsAggregate> overallNps() {
        return total(data.npsByDay()).map(ReportPage::npsCounts);
    }

    private static Optional<DayCounts> total(List<DayCounts> days) {
        if (days.isEmpty()) {
            return Optional.empty();
        }
        long total = 0;
        long positive = 0;
        long negative = 0;
        for (DayCounts day : days) {
            total += day.total();
            positive += day.positive();
            negative += day.negative();
        }
        return total == 0
                ? Optional.empty()
                : Optional.of(new DayCounts(days.get(0).day(), total, positive, negative));
    }

    private static NpsAggregate npsCounts(DayCounts counts) {
        return npsCounts(counts.total(), counts.positive(), counts.negative());
    }

    private static NpsAggregate npsCounts(long responses, long promoters, long detractors) {
        return new NpsAggregate(responses, promoters, responses - promoters - detractors, detractors);
    }

    private static double nps(NpsAggregate counts) {
        return counts.nps().orElseThrow();
    }

    public String html() {
        StringBuilder page = new StringBuilder(64 * 1024);
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Rapport report</title>")
                .append("<script>window.rapportErrors=[];window.onerror=function(message,source,line){")
                .append("window.rapportErrors.push(String(message)+' (line '+line+')');")
                .append("document.documentElement.setAttribute('data-script-errors',window.rapportErrors.join(' | '));")
                .append("};</script>")
                .append("<style>")
                .append(Styles.CSS)
                .append("</style></head><body>");
        page.append("<header><h1>Customer experience report</h1><p class=\"meta\">Generated ")
                .append(Html.escape(generatedAt))
                .append(" from Rapport's tables.</p>");
        page.append(kpis());
        page.append("<nav>");
        SECTIONS.forEach((id, title) -> page.append("<a href=\"#")
                .append(id)
                .append("\">")
                .append(Html.escape(title))
                .append("</a>"));
        page.append("</nav></header><main>");
        section(page, "nps", npsSection());
        section(page, "satisfaction", satisfactionSection());
        section(page, "sla", slaSection());
        section(page, "email", emailSection());
        section(page, "topics", topicsSection());
        section(page, "identity", identitySection());
        section(page, "funnel", funnelSection());
        section(page, "at-risk", atRiskSection());
        page.append("</main><div id=\"tip\" role=\"status\"></div><script>")
                .append(Styles.SCRIPT)
                .append("</script></body></html>\n");
        return page.toString();
    }

    private static void section(StringBuilder page, String id, String body) {
        page.append("<section id=\"")
                .append(id)
                .append("\" class=\"card\"><h2>")
                .append(Html.escape(SECTIONS.get(id)))
                .append("</h2>")
                .append(body)
                .append("</section>");
    }

    private String kpis() {
        StringBuilder out = new StringBuilder("<div class=\"kpis\">");
        Optional<NpsAggregate> nps = overallNps();
        kpi(
                out,
                "kpi-nps",
                "NPS",
                nps.map(n -> Html.signed(nps(n))).orElse("n/a"),
                nps.map(n -> {
                            NpsConfidenceInterval ci = NpsConfidenceInterval.of(n);
                            return Html.count(n.responses()) + " answers, 95% interval " + Html.signed(ci.low())
                                    + " to " + Html.signed(ci.high());
                        })
                        .orElse("no answers yet"));
        kpi(
                out,
                "kpi-customers",
                "Customers",
                Html.count(data.identity().customers()),
                Html.count(data.identity().records()) + " records from "
                        + data.identity().sources().size() + " sources");
        Optional<DayCounts> csat = total(data.csatByDay());
        kpi(
                out,
                "kpi-csat",
                "CSAT",
                csat.map(c -> Html.percent((double) c.positive() / c.total())).orElse("n/a"),
                csat.map(c -> Html.count(c.total()) + " answers scoring 4-5 of 5")
                        .orElse("no answers yet"));
        Optional<DayCounts> sla = total(data.slaByDay());
        kpi(
                out,
                "kpi-sla",
                "SLA met",
                sla.map(s -> Html.percent(1 - (double) s.positive() / s.total()))
                        .orElse("n/a"),
                sla.map(s -> Html.count(s.total()) + " tickets, " + Html.count(s.positive()) + " breached")
                        .orElse("no tickets yet"));
        kpi(
                out,
                "kpi-match",
                "Match rate",
                Html.percent(data.identity().matchRate()),
                "of records share a customer with another record");
        return out.append("</div>").toString();
    }

    private static void kpi(StringBuilder out, String id, String name, String value, String detail) {
        out.append("<div class=\"kpi\" id=\"")
                .append(id)
                .append("\"><div class=\"kpi-name\">")
                .append(Html.escape(name))
                .append("</div><div class=\"kpi-value\">")
                .append(Html.escape(value))
                .append("</div><div class=\"kpi-detail\">")
                .append(Html.escape(detail))
                .append("</div></div>");
    }

    /** A count with its noun, plural unless it is one: "1 ticket", "12 tickets". */
    static String counted(long count, String noun) {
        return Html.count(count) + " " + noun + (count == 1 ? "" : "s");
    }

    private static String empty(String text) {
        return "<p class=\"empty\">" + Html.escape(text) + "</p>";
    }

    private static String lede(String text) {
        return "<p class=\"lede\">" + Html.escape(text) + "</p>";
    }

    private static String figure(String caption, String svg) {
        return "<figure><figcaption>" + Html.escape(caption) + "</figcaption>" + svg + "</figure>";
    }

    private String npsSection() {
        Optional<NpsAggregate> overall = overallNps();
        if (overall.isEmpty()) {
            return empty("No NPS answers yet: " + NOT_COMPUTED);
        }
        List<Period> periods = Periods.of(data.npsByDay());
        List<LineChart.Point> points = new ArrayList<>();
        for (Period period : periods) {
            NpsAggregate counts = npsCounts(period.total(), period.positive(), period.negative());
            NpsConfidenceInterval ci = NpsConfidenceInterval.of(counts);
            points.add(new LineChart.Point(period.label(), nps(counts), ci.low(), ci.high()));
        }
        double low = points.stream()
                .mapToDouble(p -> Math.min(p.value(), p.low()))
                .min()
                .orElseThrow();
        double high = points.stream()
                .mapToDouble(p -> Math.max(p.value(), p.high()))
                .max()
                .orElseThrow();
        double yMin = Math.max(-100, Math.floor((low - 5) / 10) * 10);
        double yMax = Math.min(100, Math.ceil((high + 5) / 10) * 10);
        StringBuilder out = new StringBuilder();
        NpsConfidenceInterval ci = NpsConfidenceInterval.of(overall.get());
        out.append(lede("Overall NPS " + Html.signed(nps(overall.get())) + " from "
                + Html.count(overall.get().responses())
                + " answers (" + Html.count(overall.get().promoters()) + " promoters, "
                + Html.count(overall.get().detractors()) + " detractors); 95% interval " + Html.signed(ci.low())
                + " to "
                + Html.signed(ci.high()) + ". The shaded band is each period's 95% interval: narrow bands are"
                + " trustworthy, wide ones rest on few answers."));
        out.append(figure(
                "NPS per " + grainName(periods) + ", with its 95% confidence band",
                new LineChart("NPS trend", points, yMin, yMax, "").svg()));
        out.append("<div class=\"pair\">");
        out.append(npsBars("NPS by channel", data.npsByChannel()));
        out.append(npsBars("NPS by touchpoint", data.npsByTouchpoint()));
        out.append("</div>");
        return out.toString();
    }

    private static String grainName(List<Period> periods) {
        String label = periods.get(0).label();
        return label.startsWith("wk ") ? "week" : label.length() == 7 ? "month" : "day";
    }

    private static String npsBars(String title, List<GroupCounts> groups) {
        List<BarChart.Bar> bars = new ArrayList<>();
        for (GroupCounts group : groups.subList(0, Math.min(MAX_GROUPS, groups.size()))) {
            if (group.total() == 0) {
                continue;
            }
            double nps = nps(npsCounts(group.total(), group.positive(), group.negative()));
            bars.add(new BarChart.Bar(
                    group.name(), nps, Html.signed(nps) + " \u00b7 " + counted(group.total(), "answer")));
        }
        return bars.isEmpty() ? "" : figure(title, new BarChart(title, bars).svg());
    }

    private String satisfactionSection() {
        StringBuilder out = new StringBuilder();
        Optional<DayCounts> csat = total(data.csatByDay());
        Optional<DayCounts> ces = total(data.cesByDay());
        if (csat.isEmpty() && ces.isEmpty()) {
            return empty("No CSAT or CES answers yet: " + NOT_COMPUTED);
        }
        out.append(lede("CSAT: share of answers scoring 4 or 5 of 5"
                + csat.map(c -> " (" + Html.percent((double) c.positive() / c.total()) + " overall)")
                        .orElse("")
                + ". CES: share agreeing it was easy, 5 to 7 of 7"
                + ces.map(c -> " (" + Html.percent((double) c.positive() / c.total()) + " overall)")
                        .orElse("") + "."));
        out.append("<div class=\"pair\">");
        csat.ifPresent(c -> out.append(shareTrend("CSAT, % satisfied", data.csatByDay(), false)));
        ces.ifPresent(c -> out.append(shareTrend("CES, % finding it easy", data.cesByDay(), false)));
        out.append("</div>");
        return out.toString();
    }

    /** A trend of positive / total in percent; {@code complement} shows 100 minus that. */
    private static String shareTrend(String title, List<DayCounts> days, boolean complement) {
        List<Period> periods = Periods.of(days);
        List<LineChart.Point> points = new ArrayList<>();
        for (Period period : periods) {
            if (period.total() == 0) {
                continue;
            }
            double share = 100.0 * period.positive() / period.total();
            points.add(LineChart.Point.of(period.label(), complement ? 100 - share : share));
        }
        if (points.isEmpty()) {
            return "";
        }
        return figure(title + " per " + grainName(periods), new LineChart(title, points, 0, 100, "%").svg());
    }

    private String slaSection() {
        Optional<DayCounts> sla = total(data.slaByDay());
        if (sla.isEmpty()) {
            return empty("No support tickets yet: " + NOT_COMPUTED);
        }
        StringBuilder out = new StringBuilder();
        out.append(
                lede(Html.percent(1 - (double) sla.get().positive() / sla.get().total()) + " of "
                        + Html.count(sla.get().total()) + " tickets met their first-response and resolution targets ("
                        + Html.count(sla.get().positive()) + " breached), by the day they were opened."));
        out.append("<div class=\"pair\">");
        out.append(shareTrend("SLA compliance, % of tickets within target", data.slaByDay(), true));
        List<BarChart.Bar> bars = new ArrayList<>();
        for (GroupCounts priority : data.slaByPriority()) {
            if (priority.total() > 0) {
                double met = 1 - (double) priority.positive() / priority.total();
                bars.add(new BarChart.Bar(
                        priority.name(),
                        100 * met,
                        Html.percent(met) + " met \u00b7 " + counted(priority.total(), "ticket")));
            }
        }
        if (!bars.isEmpty()) {
            out.append(figure("SLA met by priority", new BarChart("SLA met by priority", bars).svg()));
        }
        out.append("</div>");
        return out.toString();
    }

    private String emailSection() {
        if (data.email().isEmpty()) {
            return empty("No email events yet: " + NOT_COMPUTED);
        }
        EmailTotals email = data.email().get();
        List<FunnelChart.Stage> stages = List.of(
                new FunnelChart.Stage("sent", email.sent(), ""),
                new FunnelChart.Stage(
                        "delivered", email.delivered(), share(email.delivered(), email.sent(), "of sent")),
                new FunnelChart.Stage("opened", email.opens(), share(email.opens(), email.delivered(), "of delivered")),
                new FunnelChart.Stage("clicked", email.clicks(), share(email.clicks(), email.opens(), "of opens")));
        return lede("Recipients counted once per campaign and step; machine (privacy-proxy) opens excluded. "
                        + Html.count(email.bounced()) + " bounced, " + Html.count(email.unsubscribes())
                        + " unsubscribed, " + Html.count(email.spamReports()) + " reported spam.")
                + figure("From sent to clicked, over every campaign", new FunnelChart("Email funnel", stages).svg());
    }

    private static String share(long part, long whole, String of) {
        return whole == 0 ? "" : Html.percent((double) part / whole) + " " + of;
    }

    private String topicsSection() {
        if (data.detractorTopics().isEmpty()) {
            return empty("No detractor comments yet: " + NOT_COMPUTED);
        }
        Map<String, List<Topic>> byLanguage = new LinkedHashMap<>();
        for (Topic topic : data.detractorTopics()) {
            List<Topic> topics = byLanguage.computeIfAbsent(topic.language(), l -> new ArrayList<>());
            if (topics.size() < TOPICS_PER_LANGUAGE) {
                topics.add(topic);
            }
        }
        StringBuilder out = new StringBuilder(
                lede("The words detractors (0-6) use most in their comments, per language: bar length is the number of"
                        + " detractors mentioning the word."));
        out.append("<div class=\"pair\">");
        byLanguage.forEach((language, topics) -> {
            List<BarChart.Bar> bars = topics.stream()
                    .map(t -> new BarChart.Bar(
                            t.word(),
                            t.detractors(),
                            counted(t.detractors(), "detractor") + " of " + counted(t.responses(), "mention")))
                    .toList();
            out.append(figure("Language: " + language, new BarChart("Detractor topics, " + language, bars).svg()));
        });
        return out.append("</div>").toString();
    }

    private String identitySection() {
        IdentityHealth identity = data.identity();
        if (identity.customers() == 0) {
            return empty("No customers yet: run rapport resolve");
        }
        StringBuilder out = new StringBuilder("<div class=\"kpis small\">");
        kpi(
                out,
                "identity-sources",
                "Sources",
                Html.count(identity.sources().size()),
                String.join(", ", identity.sources()));
        kpi(out, "identity-records", "Records", Html.count(identity.records()), "source records resolved");
        kpi(out, "identity-customers", "Customers", Html.count(identity.customers()), "after resolution");
        kpi(
                out,
                "identity-match-rate",
                "Match rate",
                Html.percent(identity.matchRate()),
                "records in multi-record customers");
        kpi(
                out,
                "identity-largest",
                "Largest cluster",
                Html.count(identity.largestCluster()),
                "records in one customer");
        out.append("</div><div class=\"pair\">");
        List<BarChart.Bar> sizes = new ArrayList<>();
        identity.clusterSizes()
                .forEach((size, customers) -> sizes.add(new BarChart.Bar(
                        size + (size == 1 ? " record" : " records"), customers, counted(customers, "customer"))));
        out.append(figure("Customers by number of records", new BarChart("Cluster sizes", sizes).svg()));
        if (!identity.runs().isEmpty()) {
            List<BarChart.Bar> runs = new ArrayList<>();
            for (SourceRun run : identity.runs()) {
                runs.add(new BarChart.Bar(
                        run.source(),
                        run.stored(),
                        Html.count(run.stored()) + " stored \u00b7 " + Html.count(run.quarantined()) + " quarantined"));
            }
            out.append(figure("Newest ingestion run per source", new BarChart("Ingestion", runs).svg()));
        }
        return out.append("</div>").toString();
    }

    private String funnelSection() {
        if (data.transitions().isEmpty()) {
            return empty(NOT_COMPUTED);
        }
        List<Transition> transitions = data.transitions().get();
        StringBuilder out = new StringBuilder(lede("Customers of every cohort and acquisition channel; a step counts"
                + " when the next stage came within its window. Times are averages of cohort percentiles,"
                + " weighted by conversions."));
        List<FunnelChart.Stage> stages = new ArrayList<>();
        stages.add(new FunnelChart.Stage(
                transitions.get(0).from(), transitions.get(0).customers(), ""));
        for (int i = 0; i < transitions.size(); i++) {
            Transition step = transitions.get(i);
            if (i > 0 && !step.from().equals(transitions.get(i - 1).to())) {
                break;
            }
            stages.add(new FunnelChart.Stage(
                    step.to(),
                    step.converted(),
                    Html.percent(step.conversionRate()) + " within " + step.windowDays() + " d"));
        }
        out.append(figure("Funnel", new FunnelChart("Funnel", stages).svg()));
        List<RangeChart.Range> ranges = new ArrayList<>();
        for (Transition step : transitions) {
            double[] hours = {step.p25Hours(), step.medianHours(), step.p75Hours(), step.p90Hours()};
            if (java.util.Arrays.stream(hours).allMatch(Double::isFinite)) {
                java.util.Arrays.sort(hours); // weighted averages of ordered values stay ordered; sort guards rounding
                ranges.add(new RangeChart.Range(
                        step.from() + " \u2192 " + step.to(), Math.max(0, hours[0]), hours[1], hours[2], hours[3]));
            }
        }
        if (!ranges.isEmpty()) {
            out.append(figure(
                    "Hours between stages: box from 25th to 75th percentile, line at the median,"
                            + " whisker to the 90th",
                    new RangeChart("Time between stages", ranges, " h").svg()));
        }
        return out.toString();
    }

    private static final List<String> SEVERITY = List.of("critical", "high", "medium", "low");

    /** Risk bands from the most severe down; bands with other names follow alphabetically. */
    static Map<String, Long> bandsBySeverity(Map<String, Long> bands) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        bands.keySet().stream()
                .sorted(java.util.Comparator.<String>comparingInt(band -> {
                            int index = SEVERITY.indexOf(band.toLowerCase(java.util.Locale.ROOT));
                            return index < 0 ? SEVERITY.size() : index;
                        })
                        .thenComparing(java.util.Comparator.naturalOrder()))
                .forEach(band -> ordered.put(band, bands.get(band)));
        return ordered;
    }

    private String atRiskSection() {
        if (data.health().isEmpty()) {
            return empty(NOT_COMPUTED);
        }
        Health health = data.health().get();
        StringBuilder out = new StringBuilder(lede("Churn risk as of " + health.asOf() + "."));
        List<BarChart.Bar> bands = new ArrayList<>();
        bandsBySeverity(health.bands())
                .forEach((band, customers) ->
                        bands.add(new BarChart.Bar(band, customers, counted(customers, "customer"))));
        out.append(figure("Customers per risk band", new BarChart("Risk bands", bands).svg()));
        out.append("<table class=\"at-risk\"><thead><tr><th>customer</th><th>risk</th><th>band</th><th>why</th>")
                .append("<th>last NPS</th><th>open tickets</th><th>breached</th></tr></thead><tbody>");
        for (AtRisk customer : health.mostAtRisk()) {
            out.append("<tr><td class=\"id\">")
                    .append(Html.escape(customer.customerId()))
                    .append("</td><td>")
                    .append("<span class=\"meter\" style=\"--risk:")
                    .append(Html.coordinate(Math.max(0, Math.min(1, customer.churnRisk()))))
                    .append("\"></span> ")
                    .append(Html.escape(Html.percent(customer.churnRisk())))
                    .append("</td><td>")
                    .append(Html.escape(customer.band()))
                    .append("</td><td><ul>");
            customer.reasons()
                    .forEach(r -> out.append("<li>").append(Html.escape(r)).append("</li>"));
            out.append("</ul></td><td>")
                    .append(Html.escape(customer.lastNps()))
                    .append("</td><td>")
                    .append(customer.openTickets())
                    .append("</td><td>")
                    .append(customer.breachedTickets())
                    .append("</td></tr>");
        }
        return out.append("</tbody></table>").toString();
    }
}
