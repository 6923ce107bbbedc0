#!/usr/bin/env bash
# npm run e2e:slurm — ntk-verify on a real one-node Slurm cluster on this machine (Debian slurm-wlm 22.05 + munge,
# loopback only), with the job files of deploy/slurm:
#   1. a single-process reference run (same options as the tasks);
#   2. verify-array.sbatch as an array of E2E_TASKS (default 4) tasks + merge.sbatch (--dependency=afterok):
#      the merged results.json must be byte-identical to the reference;
#   3. fault case: a fresh array, one task cancelled (scancel) after it recorded 2 items, requeued (scontrol
#      requeue: same array job id and task id, so the same run id), resumed with `verify --resume`; a new merge
#      job (afterok on each task) must again give a byte-identical results.json;
#   4. throughput: one task (1 worker) doing all of it vs an array of 2 concurrent tasks (1 worker each).
# Root is needed (apt-get, munged as user munge, slurmd). It installs slurm-wlm and munge when missing, runs its
# own munged (own socket) and slurmctld/slurmd (own ports, scratch state), and stops all of them on exit (trap).
# Environment: E2E_VERIFY_ARGS (default "--quick --seed 20241212"), E2E_TASKS (4), E2E_KEEP=1 keeps the scratch dir.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ARGS="${E2E_VERIFY_ARGS:---quick --seed 20241212}"
TASKS="${E2E_TASKS:-4}"
T0=$(date +%s.%N)
log() { printf 'e2e:slurm [%6.1fs] %s\n' "$(echo "$(date +%s.%N) - $T0" | bc)" "$*"; }
die() { log "FAIL: $*"; exit 1; }
now() { date +%s.%N; }
secs() { echo "scale=1; ($2 - $1)/1" | bc; }

[ "$(id -u)" -eq 0 ] || die "must run as root (apt-get, munged as user munge, slurmd)"
command -v bc >/dev/null || { apt-get update -qq && apt-get install -y -qq bc >/dev/null; }
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
  log "installing slurm-wlm and munge (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi
[ -d "$REPO/node_modules" ] || die "run npm ci first"

S="$(mktemp -d /tmp/ntk-e2e-slurm.XXXXXX)"
chmod 755 "$S"
MUNGE_PID=""
cleanup() {
  local rc=$?
  set +e
  if [ -f "$S/slurm.conf" ] && [ -f "$S/slurmctld.pid" ]; then
    SLURM_CONF="$S/slurm.conf" scancel --quiet --user=root 2>/dev/null
  fi
  for f in slurmd slurmctld; do
    if [ -f "$S/$f.pid" ]; then
      local pid; pid=$(cat "$S/$f.pid")
      kill "$pid" 2>/dev/null
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null
    fi
  done
  # job processes left by a killed slurmd (their parent is gone): those whose working directory is ours
  for p in $(pgrep -f "$REPO/bin/ntk-verify.mjs|$REPO/src/cli/main.ts" 2>/dev/null); do
    if grep -qz "^NTK_E2E_SCRATCH=$S$" "/proc/$p/environ" 2>/dev/null; then kill -9 "$p" 2>/dev/null; fi
  done
  if [ -n "$MUNGE_PID" ]; then
    kill "$MUNGE_PID" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$MUNGE_PID" 2>/dev/null || break; sleep 0.1; done
  fi
  if [ "${E2E_KEEP:-0}" = 1 ] || [ $rc -ne 0 ]; then log "scratch kept: $S"; else rm -rf "$S"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- munge: our own daemon and socket, the system key (created by the Debian package) --------------------------
[ -f /etc/munge/munge.key ] || { mungekey -c -k /etc/munge/munge.key; chown munge:munge /etc/munge/munge.key; chmod 400 /etc/munge/munge.key; }
mkdir -p "$S/munge"; chown munge:munge "$S/munge"; chmod 755 "$S/munge"
SOCK="$S/munge/munge.socket"
runuser -u munge -- munged --socket="$SOCK" --pid-file="$S/munge/munged.pid" --log-file="$S/munge/munged.log" --seed-file="$S/munge/munged.seed"
for _ in $(seq 50); do [ -s "$S/munge/munged.pid" ] && break; sleep 0.1; done
MUNGE_PID=$(cat "$S/munge/munged.pid")
munge -n -S "$SOCK" | unmunge -S "$SOCK" | grep -q 'STATUS: *Success' || die "munge -n | unmunge failed (see $S/munge/munged.log)"
log "munged running (pid $MUNGE_PID, socket $SOCK)"

# --- slurm.conf: one node, loopback, state in the scratch dir, ports of our own ------------------------------------
HOST=$(hostname -s)
NCPU=$(nproc)
MEM=$(( $(awk '/MemAvailable/ {print int($2/1024)}' /proc/meminfo) / 2 ))
PORT=$(( 20000 + RANDOM % 20000 ))
mkdir -p "$S/state" "$S/spool" "$S/reports" "$S/out"
cat >"$S/slurm.conf" <<EOF
ClusterName=ntke2e
SlurmctldHost=$HOST(127.0.0.1)
SlurmctldPort=$PORT
SlurmdPort=$((PORT + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$SOCK
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SwitchType=switch/none
StateSaveLocation=$S/state
SlurmdSpoolDir=$S/spool
SlurmctldPidFile=$S/slurmctld.pid
SlurmdPidFile=$S/slurmd.pid
SlurmctldLogFile=$S/slurmctld.log
SlurmdLogFile=$S/slurmd.log
ReturnToService=2
JobRequeue=1
KillWait=5
MinJobAge=600
NodeName=$HOST NodeAddr=127.0.0.1 CPUs=$NCPU RealMemory=$MEM State=UNKNOWN
PartitionName=e2e Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$S/slurm.conf"
slurmctld -f "$SLURM_CONF"
for _ in $(seq 100); do scontrol ping >/dev/null 2>&1 && break; sleep 0.1; done
slurmd -f "$SLURM_CONF"
for _ in $(seq 100); do sinfo -h -o %t 2>/dev/null | grep -q '^idle' && break; sleep 0.2; done
sinfo -h -o %t | grep -q '^idle' || die "node never became idle (see $S/slurmd.log, $S/slurmctld.log)"
log "slurmctld + slurmd up: node $HOST, $NCPU CPUs, partition e2e, ports $PORT/$((PORT + 1)), $(sinfo -V)"

# Jobs run from the repository with the job files of deploy/slurm; reports and logs go to the scratch dir.
export NTK_VERIFY_REPORTS="$S/reports" NTK_VERIFY_ARGS="$ARGS" NTK_E2E_SCRATCH="$S"
SB=(sbatch --parsable --chdir="$REPO")
ARRAY="$REPO/deploy/slurm/verify-array.sbatch"
MERGE="$REPO/deploy/slurm/merge.sbatch"

# state of one job (or array task) id: PENDING, RUNNING, COMPLETED, CANCELLED, …
state() { scontrol show job "$1" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' | head -1; }
# wait until no job of ours is pending or running
wait_idle() {
  local limit=$1 t; t=$(date +%s)
  while [ -n "$(squeue -h -o %i)" ]; do
    [ $(( $(date +%s) - t )) -lt "$limit" ] || { squeue; die "jobs still queued after ${limit}s"; }
    sleep 0.5
  done
}
same() { if cmp -s "$1" "$2"; then echo identical; else echo differs; fi; }

# --- 1. single-process reference --------------------------------------------------------------------------------
t=$(now)
(cd "$REPO" && node bin/ntk-verify.mjs verify $ARGS --out "$S/reports" --run-id reference --quiet >"$S/out/reference.out" 2>&1) || [ $? -eq 1 ]
REF="$S/reports/reference/results.json"
[ -f "$REF" ] || die "reference run wrote no results.json (see $S/out/reference.out)"
log "reference: one process (default workers), verify $ARGS: $(secs "$t" "$(now)") s"

# --- 2. array of $TASKS + merge ----------------------------------------------------------------------------------
t=$(now)
jid=$("${SB[@]}" --array=0-$((TASKS - 1)) --output="$S/out/a-%A_%a.out" "$ARRAY")
mid=$("${SB[@]}" --dependency=afterok:"$jid" --export=ALL,NTK_VERIFY_RUN_PREFIX="slurm-$jid" --output="$S/out/merge-%j.out" "$MERGE")
log "submitted array $jid (--array=0-$((TASKS - 1))) and merge $mid (--dependency=afterok:$jid)"
wait_idle 900
[ "$(state "$mid")" = COMPLETED ] || { cat "$S/out/merge-$mid.out" || true; die "merge job $mid: $(state "$mid")"; }
for k in $(seq 0 $((TASKS - 1))); do grep -q "from Slurm array (SLURM_ARRAY_TASK_ID=$k" "$S/out/a-${jid}_$k.out" || die "task $k did not take its shard from the Slurm variables"; done
MERGED_A="$S/reports/slurm-$jid-merged/results.json"
RESULT_A=$(same "$REF" "$MERGED_A")
log "array of $TASKS + merge: $(secs "$t" "$(now)") s; folders $(cd "$S/reports" && echo slurm-"$jid"-shard*); merged results.json vs single process: $RESULT_A"

# --- 3. fault case: cancel one task mid-run, requeue it, resume -------------------------------------------------
# the task holding the most work: shard 2 (scaling-slopes, the heaviest claim, is item 10 of the catalog)
VICTIM=1
t=$(now)
jid=$("${SB[@]}" --array=0-$((TASKS - 1)) --output="$S/out/f-%A_%a.out" "$ARRAY")
mid=$("${SB[@]}" --dependency=afterok:"$jid" --export=ALL,NTK_VERIFY_RUN_PREFIX="slurm-$jid" --output="$S/out/merge-%j.out" "$MERGE")
vdir="$S/reports/slurm-$jid-shard$((VICTIM + 1))of$TASKS"
tw=$(date +%s)
until [ -d "$vdir/items" ] && [ "$(ls "$vdir/items" | wc -l)" -ge 2 ]; do
  [ $(( $(date +%s) - tw )) -lt 300 ] || die "task ${jid}_$VICTIM never recorded an item"
  sleep 0.1
done
[ ! -f "$vdir/results.json" ] || die "task ${jid}_$VICTIM finished before it could be cancelled"
scancel "${jid}_$VICTIM"
for _ in $(seq 200); do s=$(state "${jid}_$VICTIM"); [ "$s" = CANCELLED ] && break; sleep 0.1; done
kept=$(ls "$vdir/items" | wc -l)
[ ! -f "$vdir/results.json" ] || die "the cancelled task wrote results.json"
log "fault: scancel ${jid}_$VICTIM ($(state "${jid}_$VICTIM")) with $kept items recorded in $(basename "$vdir")"
# a requeued task keeps its array job id and task id, hence its run id: --resume (bare) finds its folder.
# Slurm holds a requeued job for a while (BeginTime); StartTime=now lets it run at once.
scontrol requeue "${jid}_$VICTIM"
scontrol update JobId="${jid}_$VICTIM" StartTime=now
# The merge job's afterok:<array> can no longer be satisfied (Slurm marks it "afterok:<array>_*(failed)" and
# `scontrol update Dependency=` does not reset it): replace it by one that waits for every task by its own id.
log "requeued ${jid}_$VICTIM; merge job $mid: $(state "$mid") ($(squeue -h -j "$mid" -o %r)); replacing it"
scancel "$mid"
deps=$(for k in $(seq 0 $((TASKS - 1))); do printf ':%s_%s' "$jid" "$k"; done)
mid=$("${SB[@]}" --dependency=afterok"$deps" --export=ALL,NTK_VERIFY_RUN_PREFIX="slurm-$jid" --output="$S/out/merge-%j.out" "$MERGE")
log "merge $mid submitted with --dependency=afterok$deps"
wait_idle 900
if [ "$(state "$mid")" != COMPLETED ]; then
  cat "$S/out/merge-$mid.out" 2>/dev/null || true
  die "merge job $mid after the requeue: $(state "$mid")"
fi
grep -q "items resumed" "$S/out/f-${jid}_$VICTIM.out" || die "the requeued task did not resume (see $S/out/f-${jid}_$VICTIM.out)"
resumed_line=$(grep "items resumed" "$S/out/f-${jid}_$VICTIM.out" | tail -1)
MERGED_F="$S/reports/slurm-$jid-merged/results.json"
RESULT_F=$(same "$REF" "$MERGED_F")
log "fault case: $(secs "$t" "$(now)") s; requeued task: ${resumed_line#ntk-verify: }; merged results.json vs single process: $RESULT_F"

# --- 4. throughput: 1 task doing all of it vs 2 concurrent tasks (1 worker each, so 2 tasks use both cores) ------
# Wall time of the tasks themselves: first start to last end, from the times each job prints (the merge job, which
# renders the report, is timed apart).
epoch() { date -d "$1" +%s.%N; }
task_wall() { # files… → seconds from the earliest "start" to the latest "done"
  local starts ends
  starts=$(sed -n 's/^ntk-verify task .* start \(.*\)$/\1/p' "$@" | while read -r d; do epoch "$d"; done | sort -n | head -1)
  ends=$(sed -n 's/^ntk-verify task done, exit [0-9]*, \(.*\)$/\1/p' "$@" | while read -r d; do epoch "$d"; done | sort -n | tail -1)
  secs "$starts" "$ends"
}
t=$(now)
sid=$("${SB[@]}" --cpus-per-task=1 --output="$S/out/single-%j.out" \
  --wrap="echo ntk-verify task single start \$(date -u +%FT%T.%3NZ); NTK_VERIFY_WORKERS=1 node bin/ntk-verify.mjs verify $ARGS --out $S/reports --run-id single-task; s=\$?; echo ntk-verify task done, exit \$s, \$(date -u +%FT%T.%3NZ); [ \$s -le 1 ]")
wait_idle 900
[ "$(state "$sid")" = COMPLETED ] || die "single task $sid: $(state "$sid")"
T1=$(task_wall "$S/out/single-$sid.out")
t=$(now)
jid=$("${SB[@]}" --array=0-1 --cpus-per-task=1 --export=ALL,NTK_VERIFY_WORKERS=1 --output="$S/out/t-%A_%a.out" "$ARRAY")
mid=$("${SB[@]}" --dependency=afterok:"$jid" --export=ALL,NTK_VERIFY_RUN_PREFIX="slurm-$jid" --output="$S/out/merge-%j.out" "$MERGE")
wait_idle 900
T2ALL=$(secs "$t" "$(now)")
[ "$(state "$mid")" = COMPLETED ] || die "merge of the 2-task array: $(state "$mid")"
T2=$(task_wall "$S/out/t-${jid}_0.out" "$S/out/t-${jid}_1.out")
RATIO=$(echo "scale=2; $T2 / $T1" | bc)
log "throughput: 1 task (1 worker) $T1 s; 2 concurrent array tasks (1 worker each) $T2 s; ratio ${RATIO}x (target <= 0.6x); with submission and merge job: $T2ALL s"
log "  single task vs reference: $(same "$REF" "$S/reports/single-task/results.json"); 2-task merge vs reference: $(same "$REF" "$S/reports/slurm-$jid-merged/results.json"); load average now $(cut -d' ' -f1-3 /proc/loadavg)"
# how evenly --shard i/2 (round robin over the work list) splits the items' own times of the single task
log "  item seconds per shard of 2 (single task's timings.json): $(node -e '
  const fs = require("fs"); const d = process.argv[1];
  const items = JSON.parse(fs.readFileSync(d + "/timings.json")).runs[0].items;
  const list = JSON.parse(fs.readFileSync(d + "/results.json")).workList;
  const per = [0, 0]; list.forEach((id, k) => (per[k % 2] += items[id] ?? 0));
  const all = per[0] + per[1];
  console.log(`shard 1/2 ${per[0].toFixed(1)} s, shard 2/2 ${per[1].toFixed(1)} s of ${all.toFixed(1)} s: the larger share is ${(Math.max(...per) / all).toFixed(2)} of the work`);
' "$S/reports/single-task")"

# --- verdict ---------------------------------------------------------------------------------------------------
if [ "$RESULT_A" = identical ] && [ "$RESULT_F" = identical ]; then
  log "PASS: array merge identical, fault case (cancel, requeue, resume) identical"
else
  die "array merge $RESULT_A, fault case $RESULT_F"
fi
