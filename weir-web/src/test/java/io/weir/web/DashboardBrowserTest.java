package io.weir.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.PipelineOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobStatus;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.runtime.metrics.MetricOptions;
import io.weir.runtime.minicluster.MiniCluster;
import io.weir.runtime.minicluster.MiniClusterExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in a real headless Chromium against running jobs on a MiniCluster: every page
 * loads and shows the cluster's data, the job graph has the job's vertices and its numbers move,
 * the checkpoint and exception pages show what the REST API reports, a savepoint is taken and a
 * job stopped with a savepoint and another cancelled from the UI, the word count example is uploaded as
 * a jar and submitted from the UI, the log files are listed and shown, and markup in job, operator and exception names shows as text and never runs. Every page is
 * saved as a screenshot under target/screenshots (1280×800).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DashboardBrowserTest {
    /** Markup that would set window.weirXss if the page ever parsed a name as HTML. */
    private static final String XSS = "<script>window.weirXss=1</script><img src=x onerror=\"window.weirXss=2\">";

    private static MiniCluster cluster;
    private static Browser browser;
    private static String base;
    private static JobClient paced;
    private static final List<JobClient> jobs = new ArrayList<>();
    @TempDir
    static Path logs;

    @BeforeAll
    static void startClusterJobsAndBrowser() throws Exception {
        Browser.assumeInstalled();
        Configuration config = new Configuration();
        config.set(WebOptions.PORT, 0);
        config.set(MetricOptions.VIEW_UPDATE_INTERVAL, Duration.ofMillis(500));
        Files.writeString(logs.resolve("weir-browser.log"), "12:00:00.000 INFO  MiniCluster - a line of the log\n");
        config.set(WebOptions.LOG_PATH, logs.resolve("weir-browser.log").toString());
        cluster = new MiniCluster(2, 4, Clock.systemUTC(), config).start();
        base = "http://localhost:" + cluster.service(RestServer.class).orElseThrow().port();
        StreamExecutionEnvironment env = environment();
        env.enableCheckpointing(1000); // the history keeps 10: a checkpoint stays there for 10 s, time to open it
        PacedJob.build(env, "Ticks");
        paced = start(env, "Paced job");
        browser = Browser.start(1280, 800);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            for (JobClient job : jobs) {
                job.cancel().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
            }
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    private static StreamExecutionEnvironment environment() {
        Configuration c = new Configuration();
        c.set(PipelineOptions.PARALLELISM, 1);
        return new StreamExecutionEnvironment(MiniClusterExecutor.on(cluster), c);
    }

    private static JobClient start(StreamExecutionEnvironment env, String name) throws Exception {
        JobClient job = env.executeAsync(name);
        jobs.add(job);
        return job;
    }

    private static WebDriver open(String hash) {
        WebDriver driver = browser.driver();
        driver.get(base + "/#" + hash);
        return driver;
    }

    /** The number of refreshes the page has done; each finished refresh increments it. */
    private static int refreshes() {
        String count = browser.driver().findElement(By.id("status")).getAttribute("data-refreshes");
        return count == null ? 0 : Integer.parseInt(count);
    }

    private static void awaitRefresh() {
        int now = refreshes();
        browser.waitFor("the page to refresh", d -> refreshes() > now);
    }

    private static String id(JobClient job) {
        return job.getJobID().toHexString();
    }

    @Test
    void overviewShowsSlotsTaskManagersAndJobs() {
        WebDriver driver = open("/overview");
        browser.waitFor("the running job in the overview", d -> d.findElement(By.id("page")).getText()
                .contains("Paced job"));
        String slots = driver.findElement(By.cssSelector("[data-card=slots] .card-value")).getText();
        assertTrue(slots.endsWith("/ 8"), slots);
        assertEquals("2", driver.findElement(By.cssSelector("[data-card=taskmanagers] .card-value")).getText());
        browser.screenshot("overview");
        open("/jobs");
        browser.waitFor("the job list", d -> d.findElement(By.id("page")).getText().contains("Paced job"));
        browser.screenshot("jobs");
    }

    @Test
    void jobGraphShowsTheVerticesAndItsNumbersMove() {
        WebDriver driver = open("/job/" + id(paced));
        List<WebElement> vertices = browser.waitFor("three vertices in the graph",
                d -> {
                    List<WebElement> found = d.findElements(By.cssSelector("#job-graph g.vertex"));
                    return found.size() == 3 ? found : null;
                });
        List<String> names = vertices.stream().map(v -> v.findElement(By.cssSelector("title"))
                .getAttribute("textContent")).sorted().toList();
        assertEquals(List.of("Parse", "Sum -> Discard", "Ticks"), names);
        String before = vertexText("Parse");
        browser.waitFor("the records of Parse to grow", d -> !vertexText("Parse").equals(before));
        browser.waitFor("a rate above zero", d -> !vertexText("Parse").contains("(0/s)")
                && !vertexText("Parse").contains("(–/s)"));
        String fill = vertex("Parse").findElement(By.tagName("rect")).getAttribute("fill");
        assertTrue(fill.startsWith("hsl("), fill);
        assertEquals(3, driver.findElements(By.cssSelector("table.grid tbody tr")).size());
        browser.screenshot("job-graph");
    }

    private static WebElement vertex(String name) {
        for (WebElement v : browser.driver().findElements(By.cssSelector("#job-graph g.vertex"))) {
            if (v.findElement(By.cssSelector("title")).getAttribute("textContent").equals(name)) {
                return v;
            }
        }
        throw new NoSuchElementException("vertex " + name);
    }

    private static String vertexText(String name) {
        return vertex(name).getAttribute("textContent");
    }

    @Test
    void vertexPageShowsChartsWatermarksAndSubtasks() {
        open("/job/" + id(paced));
        browser.waitFor("the graph", d -> vertex("Parse")).click();
        browser.waitFor("the vertex page", d -> d.findElement(By.id("vertex-name")).getText().equals("Parse"));
        browser.waitFor("two subtask rows with watermarks", d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("table.grid tbody tr"));
            return rows.size() == 2 && !rows.get(0).getText().contains("no watermark");
        });
        awaitRefresh();
        awaitRefresh();
        Object points = browser.script("return Chart.getChart('throughput-chart').data.datasets[0].data"
                + ".filter(v => v > 0).length");
        assertTrue(((Number) points).intValue() >= 1, "the throughput chart has points: " + points);
        browser.screenshot("vertex");
        browser.driver().findElement(By.id("take-flame-graph")).click();
        browser.waitFor("a flame graph with the task's frames", d -> d.findElements(By.cssSelector(".flame-frame"))
                .stream().anyMatch(f -> f.getAttribute("title").startsWith("io.weir.runtime.task.StreamTask.")));
        browser.screenshot("flame-graph");
    }

    @Test
    void checkpointHistoryAndDetailsShowTheJobsCheckpoints() {
        WebDriver driver = open("/job/" + id(paced) + "/checkpoints");
        browser.waitFor("a completed checkpoint", d -> Integer.parseInt(
                d.findElement(By.cssSelector("[data-card=completed] .card-value")).getText()) >= 1);
        browser.screenshot("checkpoints");
        browser.waitFor("a completed checkpoint in the history", d -> {
            for (WebElement row : d.findElements(By.cssSelector("table.grid tbody tr.link"))) {
                if (row.getText().contains("COMPLETED")) {
                    return row;
                }
            }
            return null;
        }).click();
        browser.waitFor("the checkpoint's details", d -> d.findElement(By.id("page")).getText()
                .contains("Checkpoint #"));
        String details = driver.findElement(By.id("page")).getText();
        assertTrue(details.contains("Ticks") && details.contains("Parse"), details);
        assertEquals(5, driver.findElements(By.cssSelector("#checkpoint-subtasks tbody tr")).size(),
                "1 source + 2 Parse + 2 Sum -> Discard subtasks");
        assertTrue(driver.findElement(By.id("checkpoint-subtasks")).getText().contains("completed"));
        String subtaskColumns = driver.findElement(By.cssSelector("#checkpoint-subtasks thead")).getText();
        for (String column : List.of("Start delay", "Alignment", "Sync", "Async")) {
            assertTrue(subtaskColumns.contains(column), subtaskColumns);
        }
        browser.screenshot("checkpoint-details");
        open("/job/" + id(paced) + "/configuration");
        browser.waitFor("the checkpoint configuration", d -> d.findElement(By.id("page")).getText()
                .contains("exactly_once"));
        browser.screenshot("configuration");
    }

    @Test
    void taskManagerAndJobManagerPagesShowTheirData() {
        WebDriver driver = open("/taskmanagers");
        browser.waitFor("two task managers", d -> d.findElements(By.cssSelector("table.grid tbody tr.link")).size() == 2);
        browser.screenshot("taskmanagers");
        driver.findElements(By.cssSelector("table.grid tbody tr.link")).get(0).click();
        browser.waitFor("heap metrics", d -> d.findElement(By.cssSelector("[data-card=heap] .card-value")).getText()
                .contains("B"));
        driver.findElement(By.id("thread-dump")).click();
        browser.waitFor("a thread dump", d -> d.findElement(By.cssSelector("pre.dump")).getText().contains("Thread"));
        browser.screenshot("taskmanager");
        open("/jobmanager");
        browser.waitFor("the cluster options", d -> d.findElement(By.id("page")).getText().contains("rest.port"));
        browser.waitFor("the log file listed", d -> d.findElement(By.cssSelector("a.log-file"))).click();
        browser.waitFor("the log's text", d -> d.findElement(By.id("log-text")).getText()
                .contains("a line of the log"));
        browser.screenshot("jobmanager");
    }

    @Test
    void markupInNamesAndExceptionsShowsAsTextAndNeverRuns() throws Exception {
        StreamExecutionEnvironment env = environment();
        env.fromSequence(1, 5).name("Numbers " + XSS).map(v -> {
            if (v == 3) {
                throw new IllegalStateException("record 3 is bad " + XSS);
            }
            return v;
        }).name("Picky").addSink(new DiscardingSink<>());
        JobClient failing = start(env, "Failing " + XSS);
        failing.getJobExecutionResult().handle((r, e) -> e).get(30, TimeUnit.SECONDS);

        WebDriver driver = open("/overview");
        browser.waitFor("the failing job listed", d -> d.findElement(By.id("page")).getText().contains("Failing " + XSS));
        open("/job/" + id(failing));
        browser.waitFor("the job's name, literally", d -> d.findElement(By.id("job-name")).getText()
                .equals("Failing " + XSS));
        browser.waitFor("the source's name in the graph", d -> d.findElement(By.id("job-graph")).getText()
                .contains("Numbers <script>"));
        open("/job/" + id(failing) + "/exceptions");
        String rootCause = browser.waitFor("the exception", d -> d.findElement(By.cssSelector(".root-cause"))).getText();
        assertTrue(rootCause.contains("record 3 is bad " + XSS), rootCause);
        browser.screenshot("exceptions");
        assertNull(browser.script("return window.weirXss"), "no injected script ran");
        assertEquals(0L, browser.script("return document.querySelectorAll('#page script, #page img').length"));
    }

    @Test
    void savepointAndStopWithSavepointFromTheUi(@TempDir Path dir)
            throws Exception {
        WebDriver driver = open("/job/" + id(paced));
        browser.waitFor("the savepoint directory field", d -> d.findElement(By.id("savepoint-dir")))
                .sendKeys(dir.resolve("ui").toString());
        driver.findElement(By.id("trigger-savepoint")).click();
        String done = browser.waitFor("the savepoint to complete", d -> {
            String text = d.findElement(By.id("action-message")).getText();
            return text.startsWith("Savepoint completed: ") ? text : null;
        });
        Path savepoint = Path.of(done.substring("Savepoint completed: ".length()));
        assertTrue(savepoint.startsWith(dir.resolve("ui")) && Files.isDirectory(savepoint), done);
        browser.screenshot("savepoint");

        StreamExecutionEnvironment env = environment();
        PacedJob.build(env, "Ticks to stop");
        JobClient stopping = start(env, "Job to stop");
        open("/job/" + id(stopping));
        browser.waitFor("the savepoint directory field", d -> d.findElement(By.id("savepoint-dir")))
                .sendKeys(dir.resolve("stop").toString());
        browser.waitFor("the job to run", d -> d.findElement(By.cssSelector(".job-header h1")).getText()
                .contains("RUNNING"));
        driver.findElement(By.id("stop-job")).click();
        browser.waitFor("the stop to complete", d -> d.findElement(By.id("action-message")).getText()
                .startsWith("Stop with savepoint completed: " + dir.resolve("stop")));
        assertEquals(JobStatus.FINISHED, stopping.getJobExecutionResult().handle((r, e) -> null)
                .thenCompose(x -> stopping.getJobStatus()).get(30, TimeUnit.SECONDS));
        browser.waitFor("the FINISHED badge", d -> d.findElement(By.cssSelector(".job-header h1")).getText()
                .contains("FINISHED"));
    }

    @Test
    void uploadAndSubmitAJarFromTheUi(@TempDir Path dir) throws Exception {
        Path jar = TestJars.example(dir, io.weir.examples.wordcount.WordCount.class);
        WebDriver driver = open("/submit");
        browser.waitFor("the file field", d -> d.findElement(By.id("jar-file"))).sendKeys(jar.toString());
        driver.findElement(By.id("upload-jar")).click();
        browser.waitFor("the uploaded jar listed", d -> d.findElement(By.id("page")).getText()
                .contains("wordcount-example.jar"));
        assertEquals("io.weir.examples.wordcount.WordCount",
                driver.findElement(By.cssSelector("input.entry-class")).getAttribute("value"));
        driver.findElement(By.cssSelector("input.program-args")).sendKeys("--parallelism 1");
        browser.screenshot("submit");
        driver.findElement(By.cssSelector("button.run-jar")).click();
        browser.waitFor("the submitted job's page", d -> d.getCurrentUrl().contains("#/job/")
                && d.findElement(By.id("job-name")).getText().equals("WordCount"));
        String jobId = driver.getCurrentUrl().replaceAll(".*#/job/", "");
        browser.waitFor("the word count's vertices in the graph",
                d -> d.findElements(By.cssSelector("#job-graph g.vertex")).size() >= 2);
        assertTrue(new RestClient(base).poll("/jobs/" + jobId, j -> j.path("state").asText().equals("FINISHED"))
                .path("name").asText().equals("WordCount"));
        browser.screenshot("submitted-job");
    }

    @Test
    void cancelFromTheUiCancelsTheJob() throws Exception {
        StreamExecutionEnvironment env = environment();
        BlockingJob.build(env, 10, "dashboard-cancel");
        JobClient doomed = start(env, "Job to cancel");
        WebDriver driver = open("/job/" + id(doomed));
        browser.waitFor("the cancel button", d -> d.findElement(By.id("cancel-job"))).click();
        browser.waitFor("the confirmation", d -> d.findElement(By.id("confirm-cancel"))).click();
        assertEquals(JobStatus.CANCELED, doomed.getJobExecutionResult().handle((r, e) -> null)
                .thenCompose(x -> doomed.getJobStatus()).get(30, TimeUnit.SECONDS));
        browser.waitFor("the CANCELED badge", d -> d.findElement(By.cssSelector(".job-header h1")).getText()
                .contains("CANCELED"));
        assertTrue(driver.findElements(By.id("cancel-job")).isEmpty(), "an ended job has no cancel button");
        browser.screenshot("cancelled");
    }
}
