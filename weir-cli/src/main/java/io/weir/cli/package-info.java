/**
 * The commands behind {@code bin/weir}.
 *
 * <p>The CLI runs a job by calling its {@code main(String[])} in this JVM; the job then builds
 * its graph with the DataStream API and executes it on the embedded local cluster. The CLI refers
 * to jobs and examples only by class name, so it compiles and starts without any engine class.
 *
 * <p>Exit codes: {@code 0} the job's {@code main} returned; {@code 1} the job threw; {@code 2} a
 * user error (bad arguments, a class that is not there, a class without {@code main}).
 */
package io.weir.cli;
