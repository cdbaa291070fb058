#!/usr/bin/env bash
# Prepares a server start that takes 35-60 % less time than `java -jar` (BENCHMARKS.md, step 17): unpacks the
# packaged jar into DIR (classes read from plain jars, not from a jar inside a jar) and records a class-data archive
# (CDS) of the classes a start loads, by a training start that exits once the application context is refreshed.
# Then start the server with:
#   java -Xmx1g -XX:+ExitOnOutOfMemoryError -XX:SharedArchiveFile=DIR/application.jsa -jar DIR/referral-network.jar [--options]
# Run it again after every build: the archive belongs to this jar and this JDK (with another, the JVM warns and
# starts without it).
#
# usage: infra/bin/prepare-server.sh [JAR (infra/target/referral-network.jar)] [DIR (server)]
set -euo pipefail
jar=${1:-infra/target/referral-network.jar}
dir=${2:-server}
java=${JAVA:-java}
name=$(basename "$jar")

rm -rf "$dir"
"$java" -Djarmode=tools -jar "$jar" extract --destination "$dir" > /dev/null
training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
# the training start uses a throw-away embedded data directory, never the configured stores
unset_configuration=()
for variable in $(env | grep -o '^\(REFERRALS\|AXON\|SPRING\)_[A-Za-z0-9_]*' || true); do
    unset_configuration+=(-u "$variable")
done
env "${unset_configuration[@]}" "$java" -XX:ArchiveClassesAtExit="$dir/application.jsa" -Dspring.context.exit=onRefresh \
    -jar "$dir/$name" --referrals.data-dir="$training" --server.port=0 --referrals.mongodb.embedded-port=0 \
    > "$dir/training.log" 2>&1 || { echo "training start failed, see $dir/training.log" >&2; exit 1; }
test -s "$dir/application.jsa" || { echo "no class-data archive written, see $dir/training.log" >&2; exit 1; }
echo "prepared $dir; start with: java -Xmx1g -XX:+ExitOnOutOfMemoryError -XX:SharedArchiveFile=$dir/application.jsa -jar $dir/$name"
