package io.loyaltyloop.journey;

import io.loyaltyloop.survey.SurveyType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The survey email's variables: the question, the words at both ends of the scale, and one choice
 * per score with its one-click link. English for now, like the templates' own wording.
 */
final class SurveyWording {

    private SurveyWording() {}

    static Map<String, Object> of(SurveyType type, SortedMap<Integer, String> links) {
        boolean nps = type == SurveyType.NPS;
        String low = nps ? "not likely" : "very unsatisfied";
        String high = nps ? "very likely" : "very satisfied";
        List<Map<String, Object>> choices = new ArrayList<>();
        links.forEach((score, url) -> {
            Map<String, Object> choice = new LinkedHashMap<>();
            choice.put("score", score);
            choice.put(
                    "label",
                    score == type.lowest() ? score + " – " + low : score == type.highest() ? score + " – " + high : "");
            choice.put("url", url);
            choices.add(choice);
        });
        Map<String, Object> survey = new LinkedHashMap<>();
        survey.put("type", type.name());
        survey.put(
                "question",
                nps ? "How likely are you to recommend us to a friend?" : "How satisfied are you with your order?");
        survey.put("low_label", Character.toUpperCase(low.charAt(0)) + low.substring(1));
        survey.put("high_label", Character.toUpperCase(high.charAt(0)) + high.substring(1));
        survey.put("choices", choices);
        return survey;
    }
}
