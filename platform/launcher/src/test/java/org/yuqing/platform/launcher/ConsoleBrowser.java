package org.yuqing.platform.launcher;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in Debian's headless Chromium, used the way a person uses it: one logged-in browser session that opens
 * pages, clicks, types and reads what is shown. Screenshots go to a directory for a person to look at.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final String gateway;
    private final Path screenshots;
    private final WebDriver driver;
    /** Numbers the failure screenshots of every session of the run, so none overwrites another. */
    private static final AtomicInteger FAILURES = new AtomicInteger();

    private ConsoleBrowser(String gateway, Path screenshots, WebDriver driver) {
        this.gateway = gateway;
        this.screenshots = screenshots;
        this.driver = driver;
    }

    /**
     * Waits up to 30 seconds for {@code condition} to give a value (not {@code null} or {@code false}). On a timeout
     * the page is saved as {@code failed-N.png} and the failure names what was awaited and what the page showed.
     */
    private <T> T until(String what, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                    .until(condition);
        } catch (TimeoutException e) {
            String page = bodyText();
            try {
                screenshot("failed-" + FAILURES.incrementAndGet());
            } catch (Exception ignored) {
                // the failure below says what matters
            }
            throw new AssertionError("waited 30 s for " + what + " at " + driver.getCurrentUrl()
                    + "; the page showed:\n" + page, e);
        }
    }

    /**
     * Starts Chromium, opens the console through the gateway and logs in.
     *
     * @param gateway     the gateway's base URL
     * @param login       login name
     * @param password    password
     * @param screenshots where screenshots go
     * @return the logged-in session, on the start page
     */
    static ConsoleBrowser login(String gateway, String login, String password, Path screenshots) throws Exception {
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
        ConsoleBrowser browser = new ConsoleBrowser(gateway, screenshots, new ChromeDriver(service, options));
        try {
            browser.driver.get(gateway + "/");
            browser.until("the login page", d -> d.getCurrentUrl().contains("/login"));
            browser.driver.findElement(By.name("username")).sendKeys(login);
            browser.driver.findElement(By.name("password")).sendKeys(password, Keys.ENTER);
            browser.until("the console after login", d -> !d.getCurrentUrl().contains("/login"));
            return browser;
        } catch (RuntimeException | Error e) {
            browser.close();
            throw e;
        }
    }

    /** Opens a console path, e.g. {@code search}, and waits until the page shows {@code text}. */
    ConsoleBrowser open(String path, String text) {
        driver.get(gateway + "/" + path);
        return waitForText(text);
    }

    /** Waits until the page shows {@code text}. */
    ConsoleBrowser waitForText(String text) {
        until("the text " + text, d -> bodyText().contains(text));
        return this;
    }

    /** Waits until the page's text satisfies {@code condition} (described as {@code what} on failure). */
    ConsoleBrowser waitUntil(String what, Predicate<String> condition) {
        until(what, d -> condition.test(bodyText()));
        return this;
    }

    /** Waits for the element with id {@code id} and returns it. */
    WebElement element(String id) {
        return until("the element " + id, d -> d.findElements(By.id(id)).stream().findFirst().orElse(null));
    }

    /**
     * The text of the element with id {@code id}, read again if the console re-rendered the element meanwhile (a
     * push update replaces it, and a reference read a moment before goes stale).
     */
    String text(String id) {
        return until("the text of " + id, d -> element(id).getText());
    }

    /** The attribute {@code name} of the element with id {@code id}, read again like {@link #text}; empty when absent. */
    String attribute(String id, String name) {
        return until(name + " of " + id, d -> {
            String value = element(id).getAttribute(name);
            return value == null ? "" : value;
        });
    }

    /**
     * Clicks the element with id {@code id} as a person would: scrolled into the middle of the window, and again
     * while something passing lies over it (e.g. a notification fading out).
     */
    ConsoleBrowser click(String id) {
        until("a click on " + id, d -> clicked(element(id)));
        return this;
    }

    private boolean clicked(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        try {
            element.click();
            return true;
        } catch (ElementNotInteractableException covered) {
            // ElementClickInterceptedException included: something lies over the element for now
            return false;
        }
    }

    /** Types into the input inside the field with id {@code id} (Vaadin fields wrap their input). */
    ConsoleBrowser type(String id, String text) {
        WebElement field = element(id);
        WebElement input = field.findElements(By.cssSelector("input, textarea")).stream().findFirst().orElse(field);
        input.sendKeys(text);
        return this;
    }

    /** Clicks the grid cell that shows {@code text} (selects its row). */
    ConsoleBrowser clickCell(String text) {
        until("a grid cell showing " + text, d -> d.findElements(By.xpath(
                "//vaadin-grid-cell-content[contains(normalize-space(.), " + literal(text) + ")]")).stream()
                .filter(WebElement::isDisplayed).findFirst().map(this::clicked).orElse(false));
        return this;
    }

    /** Opens the select with id {@code id} and picks the option showing {@code text}. */
    ConsoleBrowser choose(String id, String text) {
        click(id);
        until("an option showing " + text, d -> d.findElements(By.xpath(
                "//vaadin-select-item[contains(normalize-space(.), " + literal(text) + ")]")).stream()
                .filter(WebElement::isDisplayed).findFirst().map(this::clicked).orElse(false));
        return this;
    }

    /** Waits until the element with id {@code id} shows {@code text}. */
    ConsoleBrowser waitForText(String id, String text) {
        until(id + " showing " + text, d -> {
            List<WebElement> found = d.findElements(By.id(id));
            return !found.isEmpty() && found.getFirst().getText().contains(text);
        });
        return this;
    }

    /** The address the browser shows. */
    String currentUrl() {
        return driver.getCurrentUrl();
    }

    private static String literal(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    /**
     * Clicks {@code id} until the element {@code shownId} appears (a dialog, say): a click that lands while the page
     * redraws the button is lost, and a person would click again.
     */
    ConsoleBrowser open(String id, String shownId, Duration patience) {
        until(shownId + " after clicking " + id, d -> {
            if (!d.findElements(By.id(shownId)).isEmpty()) {
                return true;
            }
            d.findElements(By.id(id)).stream().findFirst().ifPresent(this::clicked);
            try {
                return new WebDriverWait(d, patience).until(x -> !x.findElements(By.id(shownId)).isEmpty());
            } catch (TimeoutException notYet) {
                return false;
            }
        });
        return this;
    }

    /** Replaces what the field with id {@code id} holds with {@code text}, as a person selecting all and typing. */
    ConsoleBrowser replace(String id, String text) {
        WebElement field = element(id);
        WebElement input = field.findElements(By.cssSelector("input, textarea")).stream().findFirst().orElse(field);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
        return this;
    }

    /** Picks the radio button showing {@code text} in the group with id {@code id}. */
    ConsoleBrowser pick(String id, String text) {
        WebElement group = element(id);
        until("a choice showing " + text + " in " + id, d -> group.findElements(By.xpath(
                ".//vaadin-radio-button[contains(normalize-space(.), " + literal(text) + ")]")).stream()
                .findFirst().map(this::clicked).orElse(false));
        return this;
    }

    /** The visible text of the page. */
    String bodyText() {
        Object text = ((JavascriptExecutor) driver).executeScript("return document.body ? document.body.innerText : ''");
        return text == null ? "" : text.toString();
    }

    /** Saves a screenshot of the page as {@code name}.png. */
    ConsoleBrowser screenshot(String name) throws Exception {
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        return this;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
