package io.loyaltyloop.loyalty;

import io.loyaltyloop.system.OperatorCommands;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code ledger verify}: checks the books of every shop. Prints each mismatch, then the summary as
 * the last line of stdout, which scripts read; the exit status says whether the books are consistent.
 */
@Component
@ConditionalOnProperty(name = OperatorCommands.COMMAND_PROPERTY, havingValue = "ledger-verify")
class LedgerVerifyCommand implements ApplicationRunner, ExitCodeGenerator {

    static final int MISMATCHES_FOUND = 1;

    private final LedgerVerifier verifier;
    private volatile int exitCode = OperatorCommands.FAILED;

    LedgerVerifyCommand(LedgerVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public void run(ApplicationArguments args) {
        LedgerVerifier.Report report = verifier.verifyAll(System.out::println);
        System.out.println("%d accounts verified, %d mismatches".formatted(report.accounts(), report.mismatches()));
        System.out.flush();
        exitCode = report.ok() ? 0 : MISMATCHES_FOUND;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
