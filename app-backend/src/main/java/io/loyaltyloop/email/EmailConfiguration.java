package io.loyaltyloop.email;

import io.loyaltyloop.system.LinkSigner;
import io.loyaltyloop.system.LinksProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Wires the email feature. The sender runs on every instance ({@code @Scheduled}, not a
 * db-scheduler task): leases with SKIP LOCKED let instances share the outbox, so more instances
 * send more.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(EmailProperties.class)
class EmailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmailConfiguration.class);

    @Bean
    DefaultTemplates defaultEmailTemplates() {
        return new DefaultTemplates();
    }

    @Bean
    TemplateRenderer emailTemplateRenderer(DefaultTemplates defaults) {
        return new TemplateRenderer(TemplateLimits.DEFAULT, defaults.layout());
    }

    @Bean
    UnsubscribeLinks unsubscribeLinks(LinkSigner signer, LinksProperties links, EmailProperties properties) {
        return new UnsubscribeLinks(signer, links, properties);
    }

    @Bean
    EmailSender emailSender(OutboxRepository outbox, JavaMailSenderImpl mail, EmailProperties properties, Clock clock) {
        return new EmailSender(outbox, mail, properties, clock);
    }

    @Bean
    SendDueEmails sendDueEmails(EmailSender sender, EmailProperties properties) {
        return new SendDueEmails(sender, properties);
    }

    /**
     * Drains the outbox every {@code loyalty.email.poll-interval} with {@code sender-threads}
     * concurrent senders, each batch after batch while they come back full.
     */
    static final class SendDueEmails implements DisposableBean {

        private final EmailSender sender;
        private final EmailProperties properties;
        private final ExecutorService threads;

        SendDueEmails(EmailSender sender, EmailProperties properties) {
            this.sender = sender;
            this.properties = properties;
            this.threads = Executors.newFixedThreadPool(
                    properties.senderThreads(),
                    Thread.ofPlatform().name("email-sender-", 0).daemon().factory());
        }

        @Scheduled(fixedDelayString = "${loyalty.email.poll-interval:1s}")
        void run() throws InterruptedException {
            if (!properties.senderEnabled()) {
                return;
            }
            List<Callable<Void>> senders = new ArrayList<>();
            for (int i = 0; i < properties.senderThreads(); i++) {
                senders.add(() -> {
                    drain();
                    return null;
                });
            }
            threads.invokeAll(senders);
        }

        private void drain() {
            try {
                while (sender.sendDue(properties.batchSize()) == properties.batchSize()) {
                    // a full batch: more may be due
                }
            } catch (RuntimeException e) {
                log.warn("email sender: {}; leased messages come back when their lease ends", e.toString());
            }
        }

        @Override
        public void destroy() {
            threads.shutdownNow();
        }
    }
}
