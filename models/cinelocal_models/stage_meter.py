"""Wall time and peak memory of each stage of a build, for the deployer's log and the scale benchmark.

Peak memory per stage: a background thread reads this process's resident set size (VmRSS in
/proc/self/status) every 50 ms and keeps the largest value seen while the stage ran; the kernel's
own high-water mark (VmHWM, the process's peak so far) is kept beside it, so a spike shorter than
the sampling period still shows in the whole run's peak.
"""
from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass


def _status_kib(field: str) -> int:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


@dataclass
class StageCost:
    name: str
    seconds: float
    peak_rss_mib: float  # sampled during the stage
    process_peak_mib: float  # the kernel's high-water mark at the stage's end (monotonic)


class StageMeter:
    def __init__(self, interval: float = 0.05):
        self.interval = interval
        self.stages: list[StageCost] = []

    @contextmanager
    def stage(self, name: str):
        peak = [_status_kib("VmRSS")]
        done = threading.Event()

        def sample():
            while not done.wait(self.interval):
                peak[0] = max(peak[0], _status_kib("VmRSS"))

        thread = threading.Thread(target=sample, daemon=True)
        thread.start()
        start = time.perf_counter()
        try:
            yield
        finally:
            seconds = time.perf_counter() - start
            done.set()
            thread.join()
            peak[0] = max(peak[0], _status_kib("VmRSS"))
            self.stages.append(StageCost(name, seconds, peak[0] / 1024, _status_kib("VmHWM") / 1024))

    def table(self) -> str:
        lines = ["| stage | wall s | peak RSS MiB |", "|---|---:|---:|"]
        for s in self.stages:
            lines.append(f"| {s.name} | {s.seconds:.1f} | {s.peak_rss_mib:.0f} |")
        total = sum(s.seconds for s in self.stages)
        peak = max((s.process_peak_mib for s in self.stages), default=0.0)
        lines.append(f"| whole build | {total:.1f} | {peak:.0f} |")
        return "\n".join(lines)

    def as_dict(self) -> list[dict]:
        return [{"stage": s.name, "seconds": round(s.seconds, 1), "peak_rss_mib": round(s.peak_rss_mib),
                 "process_peak_mib": round(s.process_peak_mib)} for s in self.stages]
