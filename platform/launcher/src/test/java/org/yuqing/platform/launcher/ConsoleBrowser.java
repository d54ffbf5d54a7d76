package org.yuqing.platform.launcher;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the console in Debian's headless Chromium the way a person uses it: logs in, reads the case
 * list, searches posts. Screenshots go to {@code target/console} for a person to look at.
 */
final class ConsoleBrowser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private ConsoleBrowser() {
    }

    static void check(String gateway, String login, String password, String incidentTitle, Path screenshots) throws Exception {
        assertThat(CHROMIUM).as("Chromium is needed for the console test: apt-get install chromium chromium-driver").exists();
        assertThat(CHROMEDRIVER).as("ChromeDriver is needed for the console test: apt-get install chromium-driver").exists();
        Files.createDirectories(screenshots);
        Path profile = Files.createTempDirectory("yuqing-chromium-");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--window-size=1400,900", "--lang=zh-CN", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        WebDriver driver = new ChromeDriver(service, options);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(gateway + "/");
            wait.until(d -> d.getCurrentUrl().contains("/login"));
            driver.findElement(By.name("username")).sendKeys(login);
            driver.findElement(By.name("password")).sendKeys(password, Keys.ENTER);

            wait.until(d -> bodyText(d).contains(incidentTitle));
            String cases = bodyText(driver);
            screenshot(driver, screenshots.resolve("cases.png"));
            assertThat(cases).contains("案件").contains("重大").contains(incidentTitle);

            driver.get(gateway + "/search");
            WebElement field = wait.until(d -> d.findElement(By.id("search-field")));
            WebElement input = field.findElement(By.cssSelector("input"));
            input.sendKeys("爆炸");
            driver.findElement(By.id("search-button")).click();
            wait.until(d -> bodyText(d).contains("新华网") || bodyText(d).contains("www.news.cn"));
            screenshot(driver, screenshots.resolve("search.png"));
            assertThat(bodyText(driver)).contains("舆情检索").contains("化工厂");

            // The demo user is an administrator: the users and units pages list the directory.
            driver.findElement(By.id("nav-users")).click();
            wait.until(d -> d.findElements(By.id("users-grid")).size() == 1 && bodyText(d).contains("演示用户"));
            screenshot(driver, screenshots.resolve("users.png"));
            assertThat(bodyText(driver)).contains("管理员").contains("区委网信办");
            driver.findElement(By.id("nav-units")).click();
            wait.until(d -> d.findElements(By.id("units-grid")).size() == 1 && bodyText(d).contains("区委网信办"));
            screenshot(driver, screenshots.resolve("units.png"));
        } finally {
            driver.quit();
        }
    }

    private static String bodyText(WebDriver driver) {
        Object text = ((JavascriptExecutor) driver).executeScript("return document.body ? document.body.innerText : ''");
        return text == null ? "" : text.toString();
    }

    private static void screenshot(WebDriver driver, Path target) throws Exception {
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
