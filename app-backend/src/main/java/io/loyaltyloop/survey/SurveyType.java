package io.loyaltyloop.survey;

/** Net Promoter Score (0–10, "how likely to recommend") or customer satisfaction (1–5). */
public enum SurveyType {
    NPS(0, 10),
    CSAT(1, 5);

    private final int lowest;
    private final int highest;

    SurveyType(int lowest, int highest) {
        this.lowest = lowest;
        this.highest = highest;
    }

    public int lowest() {
        return lowest;
    }

    public int highest() {
        return highest;
    }
}
