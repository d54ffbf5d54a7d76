package org.yuqing.ui;

import java.time.Clock;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The admin console (管理控制台), in Chinese by default and in English. Browsers reach it only through the gateway,
 * and it reads and commands every service through the gateway as the logged-in user. It uses no server push, so the
 * servlet gateway, which does not proxy WebSockets, suffices.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@StyleSheet(Lumo.STYLESHEET)
public class ConsoleApplication implements AppShellConfigurator {

    /**
     * Starts the console.
     *
     * @param args Spring Boot command line arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }

    /**
     * The clock deadlines are counted down against.
     *
     * @return the system clock in UTC
     */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
