package dev.rapport.metrics.drivers.function;

import dev.rapport.metrics.drivers.NpsDifference;
import dev.rapport.metrics.nps.NpsAggregate;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.FunctionHint;
import org.apache.flink.table.functions.TableFunction;
import org.apache.flink.types.Row;

/**
 * {@code rapport_nps_difference(promoters_with, passives_with, detractors_with, promoters_without,
 * passives_without, detractors_without)}: one row with {@link NpsDifference}'s difference,
 * interval, z and p-value (NULL where there is no test); none when a side has no response.
 */
@FunctionHint(
        output = @DataTypeHint("ROW<nps_difference DOUBLE, ci_low DOUBLE, ci_high DOUBLE, z DOUBLE, p_value DOUBLE>"))
public final class NpsDifferenceFunction extends TableFunction<Row> {

    public void eval(
            Long promotersWith,
            Long passivesWith,
            Long detractorsWith,
            Long promotersWithout,
            Long passivesWithout,
            Long detractorsWithout) {
        NpsAggregate with = aggregate(promotersWith, passivesWith, detractorsWith);
        NpsAggregate without = aggregate(promotersWithout, passivesWithout, detractorsWithout);
        if (with.responses() == 0 || without.responses() == 0) {
            return;
        }
        NpsDifference difference = NpsDifference.between(with, without);
        collect(Row.of(
                difference.difference(),
                boxed(difference.ciLow()),
                boxed(difference.ciHigh()),
                boxed(difference.z()),
                boxed(difference.pValue())));
    }

    private static NpsAggregate aggregate(Long promoters, Long passives, Long detractors) {
        long p = promoters == null ? 0 : promoters;
        long m = passives == null ? 0 : passives;
        long d = detractors == null ? 0 : detractors;
        return new NpsAggregate(p + m + d, p, m, d);
    }

    private static Double boxed(java.util.OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
