package dev.companysso.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real, headless browser for suites that must see what a person sees: Debian's {@code chromium} driven through
 * Debian's {@code chromedriver} (both installed by {@code scripts/install-browser.sh}). Nothing is downloaded: the
 * driver and the browser binary are given explicitly, so Selenium Manager is never asked to find or fetch one.
 * Each instance has its own fresh profile directory, removed on {@link #close()}.
 */
public final class Chromium implements AutoCloseable {

    /** Override with -Dchromium.binary / -Dchromium.driver for a browser elsewhere. */
    public static final Path BINARY = Paths.get(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    public static final Path DRIVER = Paths.get(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a headless Chromium whose preferred language is {@code acceptLanguage} (e.g. "en-US" or "zh-CN"). */
    public static Chromium start(String acceptLanguage) {
        return start(acceptLanguage, 1280, 1000);
    }

    /** As {@link #start(String)}, with a window of {@code width} x {@code height} pixels (screenshots have that size). */
    public static Chromium start(String acceptLanguage, int width, int height) {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("No " + BINARY + " or " + DRIVER
                    + ": run scripts/install-browser.sh (Debian's chromium and chromium-driver)");
        }
        // Selenium consults this property before Selenium Manager; with it (and the binary) set, nothing is resolved.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("company-sso-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--window-size=" + width + "," + height,
                "--lang=" + acceptLanguage, "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(logFile(profile))
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Chromium(driver, profile);
        } catch (RuntimeException e) {
            deleteQuietly(profile);
            throw e;
        }
    }

    /** chromedriver's log, next to the screenshots (the directory must exist, or chromedriver exits at once). */
    private static File logFile(Path profile) {
        String dir = System.getProperty("test.artifacts.dir");
        if (dir == null) {
            return profile.resolve("chromedriver.log").toFile();
        }
        try {
            return Files.createDirectories(Paths.get(dir)).resolve("chromedriver.log").toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Saves a PNG of the current page as {@code name}.png under the build's test-artifacts directory
     * (system property {@code test.artifacts.dir}, else target/test-artifacts) and returns its path.
     */
    /** Saves the page as {@code <test.artifacts.dir>/<name>.png}; fails on an empty capture. */
    public Path screenshot(String name) {
        Path dir = Paths.get(System.getProperty("test.artifacts.dir", "target/test-artifacts"));
        try {
            Files.createDirectories(dir);
            File png = driver.getScreenshotAs(OutputType.FILE);
            Path target = dir.resolve(name + ".png");
            Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            if (Files.size(target) <= 1000) { // a blank or failed capture is no test artifact
                throw new AssertionError("Screenshot " + target + " is empty (" + Files.size(target) + " bytes)");
            }
            System.out.println("Screenshot: " + target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
