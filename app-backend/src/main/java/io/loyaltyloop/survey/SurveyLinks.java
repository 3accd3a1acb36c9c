package io.loyaltyloop.survey;

import io.loyaltyloop.shop.ShopId;
import java.util.SortedMap;

/** What the journey asks of surveys when it writes a survey email. */
public interface SurveyLinks {

    /**
     * One signed one-click link per score for the order's survey: 0–10 for NPS, 1–5 for CSAT. A
     * click records the score and shows a page for an optional comment.
     */
    SortedMap<Integer, String> scoreLinks(ShopId shop, long orderId, SurveyType type);
}
