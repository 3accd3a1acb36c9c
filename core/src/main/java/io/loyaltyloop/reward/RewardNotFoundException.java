package io.loyaltyloop.reward;

/** No active reward with that id in the shop. */
public class RewardNotFoundException extends RuntimeException {

    public RewardNotFoundException(long rewardId) {
        super("no active reward " + rewardId);
    }
}
