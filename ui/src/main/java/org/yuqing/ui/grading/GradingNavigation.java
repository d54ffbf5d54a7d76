package org.yuqing.ui.grading;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yuqing.ui.layout.NavEntry;

/**
 * Where the grading pages appear in the side navigation: 研判 (recently graded incidents; the grade pages of single
 * incidents highlight it too), 预案管理 and 研判推演.
 */
@Configuration(proxyBeanMethods = false)
class GradingNavigation {

    @Bean
    NavEntry gradesNavEntry() {
        return NavEntry.of("grading.nav.grades", "grades", "nav-grades", 160);
    }

    @Bean
    NavEntry plansNavEntry() {
        return NavEntry.of("grading.nav.plans", "plans", "nav-plans", 400);
    }

    @Bean
    NavEntry whatIfNavEntry() {
        return NavEntry.of("grading.nav.whatIf", "what-if", "nav-what-if", 410);
    }
}
