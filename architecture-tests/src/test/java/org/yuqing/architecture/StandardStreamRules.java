package org.yuqing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.lang.ArchRule;

/** Main code logs; it does not print. */
final class StandardStreamRules {

    private StandardStreamRules() {
    }

    /** No class under {@code root} uses {@code System.out}, {@code System.err} or {@code printStackTrace()}. */
    static ArchRule noStandardStreams(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .should(ACCESS_STANDARD_STREAMS)
                .as("no main code under " + root + " should use System.out, System.err or printStackTrace()")
                .because("a service's output goes through its logger, which production configures, levels and "
                        + "ships; printed lines are lost or interleaved");
    }
}
