package io.weir.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven by Debian's chromedriver, for the dashboard tests. Both binaries
 * come from apt ({@code chromium}, {@code chromium-driver}); with their paths given, Selenium
 * Manager never runs, so nothing is downloaded. On a developer machine without them the tests are
 * skipped with a message; under CI ({@code CI=true}, set by {@code .ci/run}, which installs them)
 * their absence fails the build, so the browser tests cannot silently not run there.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips (or, under CI, fails) when the binaries are not installed. */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + "; install them with: sudo apt-get install -y chromium chromium-driver";
        if (!installed && "true".equals(System.getenv("CI"))) {
            Assertions.fail(missing + " (CI=true: the browser tests must run in CI, see .ci/run)");
        }
        Assumptions.assumeTrue(installed, missing + ". Skipping the browser tests.");
    }

    static Browser start(int width, int height) throws IOException {
        Path profile = Files.createTempDirectory("weir-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
        // the window size includes the browser's frame: grow it until the page itself is width × height
        Number innerWidth = (Number) driver.executeScript("return window.innerWidth");
        Number innerHeight = (Number) driver.executeScript("return window.innerHeight");
        driver.manage().window().setSize(new Dimension(2 * width - innerWidth.intValue(),
                2 * height - innerHeight.intValue()));
        return new Browser(service, driver, profile);
    }

    WebDriver driver() {
        return driver;
    }

    /** Waits until {@code condition} returns something other than null or false; fails after {@link #WAIT}. */
    <T> T waitFor(String what, Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.withMessage("waiting for " + what);
        wait.ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class);
        return wait.until(condition::apply);
    }

    Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Saves a PNG of the page under target/screenshots, a test artifact. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File png = driver.getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
