package dev.rapport.identity.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestClusterSizes {

    @Test
    void eachSizeHasOneClass() {
        assertThat(ClusterSizes.of(1).label()).isEqualTo("1");
        assertThat(ClusterSizes.of(2).label()).isEqualTo("2");
        assertThat(ClusterSizes.of(3).label()).isEqualTo("3-5");
        assertThat(ClusterSizes.of(5).label()).isEqualTo("3-5");
        assertThat(ClusterSizes.of(6).label()).isEqualTo("6-10");
        assertThat(ClusterSizes.of(11).label()).isEqualTo("11-100");
        assertThat(ClusterSizes.of(1000).label()).isEqualTo("101-1000");
        assertThat(ClusterSizes.of(1001).label()).isEqualTo("1001+");
        assertThat(ClusterSizes.of(Integer.MAX_VALUE).label()).isEqualTo("1001+");
    }

    @Test
    void theClassesFollowOneAnotherWithoutGaps() {
        int next = 1;
        for (ClusterSizes.SizeClass sizeClass : ClusterSizes.CLASSES) {
            assertThat(sizeClass.min()).isEqualTo(next);
            next = sizeClass.max() + 1;
        }
        assertThat(next).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void aCustomerHasAtLeastOneRecord() {
        assertThatThrownBy(() -> ClusterSizes.of(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a customer has at least one record, got 0");
    }
}
