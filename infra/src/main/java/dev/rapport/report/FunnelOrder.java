package dev.rapport.report;

import dev.rapport.report.ReportData.Transition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts funnel steps in journey order: from the stage no step leads into, follow each step's
 * {@code to} stage; steps off that chain follow, largest first.
 */
public final class FunnelOrder {

    private FunnelOrder() {}

    public static List<Transition> chain(List<Transition> transitions) {
        List<Transition> remaining = new ArrayList<>(transitions);
        remaining.sort(Comparator.comparingLong(Transition::customers)
                .reversed()
                .thenComparing(Transition::from)
                .thenComparing(Transition::to));
        Set<String> targets = new HashSet<>();
        remaining.forEach(t -> targets.add(t.to()));
        Map<String, Transition> byFrom = new HashMap<>();
        for (Transition transition : remaining) {
            byFrom.putIfAbsent(transition.from(), transition);
        }
        List<Transition> ordered = new ArrayList<>();
        Transition next = remaining.stream()
                .filter(t -> !targets.contains(t.from()))
                .findFirst()
                .orElse(null);
        Set<String> visited = new HashSet<>();
        while (next != null && visited.add(next.from())) {
            ordered.add(next);
            next = byFrom.get(next.to());
        }
        for (Transition transition : remaining) {
            if (!ordered.contains(transition)) {
                ordered.add(transition);
            }
        }
        return ordered;
    }
}
