package io.weir.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.jobmaster.JobDetails;
import java.util.ArrayList;
import java.util.List;

/**
 * A job graph's plan as the REST API shows it ({@code GET /jobs/:jobid/plan}, {@code /jars/:jarid/plan}):
 * one node per vertex with its parallelism, its chained operators and its inputs with their ship
 * strategy, in Flink's layout. For {@code bin/weir info}, which prints the plan of a job without running it.
 */
public final class JobPlanJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JobPlanJson() {}

    /** The plan of {@code job}, as indented JSON. */
    public static String of(JobGraph job) {
        List<JobDetails.Vertex> vertices = new ArrayList<>();
        job.getVertices().forEach(vertex -> vertices.add(JobDetails.Vertex.of(vertex, List.of())));
        try {
            return JSON.writeValueAsString(JobJson.plan(job.getJobId(), job.getName(), vertices));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A plan of strings and numbers is always JSON", e);
        }
    }
}
