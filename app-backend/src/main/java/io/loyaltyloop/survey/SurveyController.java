package io.loyaltyloop.survey;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.loyaltyloop.system.CustomerLinkRejectedException;
import io.loyaltyloop.system.CustomerPages;
import io.loyaltyloop.system.CustomerText;
import io.loyaltyloop.system.LinkSigner;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One-click surveys. Mail scanners fetch every link in an email, so {@code GET /s/{token}?score=N}
 * records nothing: it shows the chosen score preselected, an optional comment and one button.
 * {@code POST /s/{token}} records the answer, once per order and survey type: a second POST answers
 * 409 and changes nothing, so the first answer — the one the shop's NPS counts — stands.
 */
@Controller
class SurveyController {

    static final int MAX_COMMENT = 1000;

    private final SurveyService surveys;
    private final LinkSigner signer;
    private final Clock clock;

    SurveyController(SurveyService surveys, LinkSigner signer, Clock clock) {
        this.surveys = surveys;
        this.signer = signer;
        this.clock = clock;
    }

    @GetMapping("/s/{token}")
    String page(@PathVariable String token, @RequestParam(required = false) String score, Model model) {
        SurveyLink link = open(token);
        Integer chosen = parse(score);
        if (chosen == null || !link.inRange(chosen)) {
            throw new CustomerLinkRejectedException(
                    HttpStatus.BAD_REQUEST,
                    "This link does not work",
                    "The score in the link is not one we offered. Please use a link from the email.");
        }
        describe(model, token, link, String.valueOf(chosen), "", Map.of());
        return "survey/page";
    }

    @PostMapping("/s/{token}")
    String answer(
            @PathVariable String token,
            HtmxRequest htmx,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        CustomerPages.requireSmallForm(request);
        SurveyLink link = open(token);
        String scoreInput = request.getParameter("score");
        String comment = CustomerText.normalise(request.getParameter("comment"));
        Integer score = parse(scoreInput);
        Map<String, String> errors = new LinkedHashMap<>();
        if (score == null || !link.inRange(score)) {
            errors.put(
                    "score",
                    "Choose a score from " + link.type().lowest() + " to "
                            + link.type().highest() + ".");
        }
        if (CustomerText.hasControlCharacters(comment, true)) {
            errors.put("comment", "The comment contains characters that cannot be used.");
        } else if (CustomerText.length(comment) > MAX_COMMENT) {
            errors.put("comment", "Keep the comment to " + MAX_COMMENT + " characters or fewer.");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            describe(model, token, link, scoreInput == null ? "" : scoreInput.strip(), comment, errors);
            return htmx.isHtmxRequest() ? "survey/page :: survey" : "survey/page";
        }
        if (!surveys.record(link, score, comment)) {
            throw answered();
        }
        model.addAttribute("shopName", surveys.shopName(link.shop()));
        return htmx.isHtmxRequest() ? "survey/thanks :: thanks" : "survey/thanks";
    }

    private SurveyLink open(String token) {
        SurveyLink link = SurveyLink.verify(signer, token, clock.instant())
                .orElseThrow(CustomerLinkRejectedException::invalidLink);
        if (!surveys.answerable(link)) {
            throw CustomerLinkRejectedException.invalidLink();
        }
        if (surveys.response(link.shop(), link.orderId(), link.type()).isPresent()) {
            throw answered();
        }
        return link;
    }

    private static CustomerLinkRejectedException answered() {
        return new CustomerLinkRejectedException(
                HttpStatus.CONFLICT, "You already answered", "Thank you: we have your answer to this survey.");
    }

    private void describe(
            Model model, String token, SurveyLink link, String score, String comment, Map<String, String> errors) {
        model.addAttribute("shopName", surveys.shopName(link.shop()));
        model.addAttribute("action", "/s/" + token);
        model.addAttribute("nps", link.type() == SurveyType.NPS);
        model.addAttribute(
                "scores",
                IntStream.rangeClosed(link.type().lowest(), link.type().highest())
                        .mapToObj(String::valueOf)
                        .toList());
        model.addAttribute("score", score);
        model.addAttribute("comment", comment == null ? "" : comment);
        model.addAttribute("maxComment", MAX_COMMENT);
        model.addAttribute("errors", errors);
    }

    private static Integer parse(String score) {
        if (score == null || !score.strip().matches("\\d{1,2}")) {
            return null;
        }
        return Integer.parseInt(score.strip());
    }
}
