package org.referrals.infra.dashboard;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver, both at their package paths (or $CHROMIUM and
 * $CHROMEDRIVER): given explicitly, so Selenium never tries to download a driver.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String baseUrl;

    Browser(String baseUrl, int width, int height) {
        this.baseUrl = baseUrl;
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(env("CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(env("CHROMIUM", "/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                              "--window-size=" + width + "," + height, "--lang=fr-FR");
        this.driver = new ChromeDriver(service, options);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    void open(String hash) {
        driver.get(baseUrl + "/" + hash);
    }

    /**
     * Opens a view afresh: the same address again is no navigation for the page, so it is reloaded (the key and the
     * language stay in the tab), and the view reads the API anew.
     */
    void reload(String hash) {
        driver.get(baseUrl + "/" + hash);
        driver.navigate().refresh();
        // drawn: the view says which language and address it shows (app.js)
        waitFor(d -> {
            String shown = d.findElement(By.id("view")).getDomAttribute("data-shown");
            return shown != null && shown.endsWith(" " + hash);
        });
    }

    void signIn(String key) {
        open("");
        WebElement field = waitFor(d -> d.findElement(By.id("credential")));
        field.sendKeys(key);
        driver.findElement(By.cssSelector("#signin-form button[type=submit]")).click();
        waitFor(d -> d.findElement(By.id("signout")).isDisplayed());
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    WebElement find(String css) {
        return waitFor(d -> d.findElement(By.cssSelector(css)));
    }

    WebDriver driver() {
        return driver;
    }

    /** Chooses the dashboard's language in its menu and waits until the page is in it. */
    void language(String lang) {
        new org.openqa.selenium.support.ui.Select(find("#lang")).selectByValue(lang);
        waitFor(d -> lang.equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
    }

    /** The direction the page is laid out in, as the browser computes it for the main area. */
    String direction() {
        return (String) driver.executeScript("return getComputedStyle(document.querySelector('main')).direction");
    }

    /**
     * The accessibility violations axe-core finds in the page as it is (the npm package, installed into
     * target/npm by the build and injected here): "rule (impact): where", one per violating element.
     */
    @SuppressWarnings("unchecked")
    java.util.List<String> accessibilityViolations() {
        try {
            driver.executeScript(Files.readString(Path.of("target", "npm", "node_modules", "axe-core", "axe.min.js")));
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is installed by the build (mvn generate-test-resources)", e);
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object found = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations.flatMap(v => "
                + "v.nodes.map(n => v.id + ' (' + v.impact + '): ' + n.target.join(' '))))).catch(e => done(['axe failed: ' + e]));");
        return (java.util.List<String>) found;
    }

    /** Saves what the browser shows under target/screenshots, for review. */
    void screenshot(String name) {
        screenshot(SCREENSHOTS.resolve(name + ".png"));
    }

    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
