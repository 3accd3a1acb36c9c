package io.loyaltyloop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The simulator's plan is worked out from the seed alone: no backend needed to check it. */
class SimulationPlanTest {

    private static final Instant START = Demo.START;

    @Test
    void theSameSeedGivesTheSameCustomersOrdersAndWebhooks() {
        SimulationPlan first = SimulationPlan.generate(7, 30, START);
        SimulationPlan second = SimulationPlan.generate(7, 30, START);

        assertThat(second.customers()).isEqualTo(first.customers());
        assertThat(second.orders()).isEqualTo(first.orders());
        assertThat(second.webhooks()).isEqualTo(first.webhooks());
    }

    @Test
    void anotherSeedGivesAnotherPlan() {
        SimulationPlan seven = SimulationPlan.generate(7, 30, START);
        SimulationPlan eight = SimulationPlan.generate(8, 30, START);

        assertThat(eight.webhooks()).isNotEqualTo(seven.webhooks());
    }

    @Test
    void thePlanHasTheAskedNumberOfOrdersEachPlacedAndPaidInTimeOrder() {
        SimulationPlan plan = SimulationPlan.generate(7, 25, START);

        assertThat(plan.orders()).hasSize(25);
        assertThat(plan.webhooks().stream().filter(w -> w.topic().equals("orders/create")))
                .hasSize(25);
        assertThat(plan.webhooks().stream().filter(w -> w.topic().equals("orders/paid")))
                .hasSize(25);
        assertThat(plan.webhooks()).isSortedAccordingTo(java.util.Comparator.comparing(SimulationPlan.Webhook::at));
        assertThat(plan.webhooks()).allSatisfy(w -> assertThat(w.at()).isAfterOrEqualTo(START));
    }

    @Test
    void withNoSimulatorThePlanHoldsNothingToSend() {
        SimulationPlan plan = SimulationPlan.of(DemoOptions.parse("--no-simulator", "--seed=7"), START);

        assertThat(plan.customers()).isEmpty();
        assertThat(plan.orders()).isEmpty();
        assertThat(plan.webhooks()).isEmpty();
    }

    @Test
    void withTheSimulatorThePlanFollowsTheOptions() {
        SimulationPlan plan = SimulationPlan.of(DemoOptions.parse("--seed=7", "--orders=12"), START);

        assertThat(plan).isEqualTo(SimulationPlan.generate(7, 12, START));
        assertThat(plan.orders()).hasSize(12);
    }
}
