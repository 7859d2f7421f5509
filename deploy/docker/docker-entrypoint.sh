#!/usr/bin/env bash
#
# Entry point of Weir's container image:
#
#   jobmanager            a cluster's JobManager in the foreground (bin/weir jobmanager)
#   taskmanager           a TaskManager in the foreground (bin/weir taskmanager)
#   weir <command> ...    bin/weir <command>, e.g. `weir run -m jobmanager:6123 <main class>`
#   help                  this text
#   anything else         run as given, e.g. `bash`
#
# Settings come from the image's conf/, overlaid with the files of $WEIR_CONF_DIR (a mounted ConfigMap's
# config.yaml, say), then from these environment variables, which override both:
#
#   WEIR_PROPERTIES                      more config.yaml lines (`key: value`, one a line)
#   JOB_MANAGER_RPC_ADDRESS              jobmanager.rpc.address: for a JobManager the address it binds
#                                        and announces (default: this container's IP); for a
#                                        TaskManager where the JobManager is reached (a Service name)
#   TASK_MANAGER_NUMBER_OF_TASK_SLOTS    taskmanager.numberOfTaskSlots
#   TASK_MANAGER_HOST                    taskmanager.host: the address other TaskManagers and the
#                                        JobManager reach this one at (default: this container's IP)
#
# Both processes stop cleanly on SIGTERM (what `docker stop` and Kubernetes send): exec hands the
# signal straight to the JVM.
set -euo pipefail

WEIR_HOME=${WEIR_HOME:-/opt/weir}
source_conf=${WEIR_CONF_DIR:-$WEIR_HOME/conf}

# The environment variables this entry point maps to configuration keys (checked by DeploymentFilesTest).
env_option() {
  local variable=$1 key=$2
  if [ -n "${!variable:-}" ]; then
    echo "$key: ${!variable}" >> "$conf/config.yaml"
  fi
}

own_ip() {
  hostname -i 2>/dev/null | awk '{print $1}'
}

# A writable copy of the configuration (a mounted ConfigMap is read-only): the image's conf/ (logging
# settings among it), then the files of $WEIR_CONF_DIR over it.
prepare_conf() {
  conf=$(mktemp -d "${TMPDIR:-/tmp}/weir-conf.XXXXXX")
  cp -r "$WEIR_HOME/conf"/. "$conf"/ 2>/dev/null || true
  if [ "$source_conf" != "$WEIR_HOME/conf" ]; then
    cp -rL "$source_conf"/. "$conf"/ 2>/dev/null || true
  fi
  touch "$conf/config.yaml"
  echo "" >> "$conf/config.yaml"
  if [ -n "${WEIR_PROPERTIES:-}" ]; then
    printf '%s\n' "$WEIR_PROPERTIES" >> "$conf/config.yaml"
  fi
  env_option JOB_MANAGER_RPC_ADDRESS jobmanager.rpc.address
  env_option TASK_MANAGER_NUMBER_OF_TASK_SLOTS taskmanager.numberOfTaskSlots
  env_option TASK_MANAGER_HOST taskmanager.host
  export WEIR_CONF_DIR=$conf
}

case "${1:-help}" in
  jobmanager)
    shift
    JOB_MANAGER_RPC_ADDRESS=${JOB_MANAGER_RPC_ADDRESS:-$(own_ip)}
    prepare_conf
    exec "$WEIR_HOME/bin/weir" jobmanager "$@"
    ;;
  taskmanager)
    shift
    TASK_MANAGER_HOST=${TASK_MANAGER_HOST:-$(own_ip)}
    prepare_conf
    exec "$WEIR_HOME/bin/weir" taskmanager "$@"
    ;;
  weir)
    shift
    prepare_conf
    exec "$WEIR_HOME/bin/weir" "$@"
    ;;
  help|--help|-h)
    sed -n '3,9p' "$0" | sed 's/^# \{0,1\}//'
    ;;
  *)
    exec "$@"
    ;;
esac
