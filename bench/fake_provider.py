#!/usr/bin/env python3
"""A loopback stand-in for an OpenAI-compatible chat API, for bench/scale.sh.

Every POST to /v1/chat/completions waits --latency seconds and answers with one plain text turn
(no tool call), so an attempt makes exactly one model call. With --rate R a token bucket of R
requests per second (burst R) guards it: a request that finds no token is answered at once with
429, Retry-After (whole seconds) and retry-after-ms (the wait until the next token).

GET /stats answers with what the server saw: requests, 429s, successes, the most requests in
flight at once, connections opened, and the times of the first and last request and answer.
POST /reset zeroes those figures. The port is printed on stdout as the first line.
"""
import argparse
import json
import math
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ANSWER = json.dumps(
    {
        "id": "chatcmpl-bench",
        "object": "chat.completion",
        "model": "bench",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": "I cannot build that flow."},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 1000, "completion_tokens": 10, "total_tokens": 1010},
    }
).encode()


class Figures:
    def __init__(self):
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        self.requests = 0
        self.limited = 0
        self.answered = 0
        self.in_flight = 0
        self.max_in_flight = 0
        self.connections = 0
        self.first_request = None
        self.last_request = None
        self.last_answer = None

    def as_json(self):
        with self.lock:
            return json.dumps({k: v for k, v in vars(self).items() if k != "lock"}).encode()


class TokenBucket:
    def __init__(self, rate):
        self.rate = rate
        self.tokens = rate
        self.stamp = time.monotonic()
        self.lock = threading.Lock()

    def take(self):
        """Zero when a token was taken, else the seconds until the next one."""
        with self.lock:
            now = time.monotonic()
            self.tokens = min(self.rate, self.tokens + (now - self.stamp) * self.rate)
            self.stamp = now
            if self.tokens >= 1:
                self.tokens -= 1
                return 0.0
            return (1 - self.tokens) / self.rate


def handler(latency, bucket, figures):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def setup(self):
            super().setup()
            with figures.lock:
                figures.connections += 1

        def log_message(self, *args):
            pass

        def reply(self, status, body, headers=()):
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            self.reply(200, figures.as_json())

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            if self.path == "/reset":
                with figures.lock:
                    figures.reset()
                return self.reply(200, b"{}")
            now = time.time()
            with figures.lock:
                figures.requests += 1
                figures.first_request = figures.first_request or now
                figures.last_request = now
            wait = bucket.take() if bucket else 0.0
            if wait > 0:
                with figures.lock:
                    figures.limited += 1
                error = b'{"error": {"message": "rate limited", "type": "rate_limit_error"}}'
                return self.reply(
                    429,
                    error,
                    [("Retry-After", str(math.ceil(wait))), ("retry-after-ms", str(math.ceil(wait * 1000)))],
                )
            with figures.lock:
                figures.in_flight += 1
                figures.max_in_flight = max(figures.max_in_flight, figures.in_flight)
            time.sleep(latency)
            with figures.lock:
                figures.in_flight -= 1
                figures.answered += 1
                figures.last_answer = time.time()
            self.reply(200, ANSWER)

    return Handler


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.2, help="seconds per answer")
    parser.add_argument("--rate", type=float, default=0, help="requests per second allowed (0: no limit)")
    args = parser.parse_args()
    figures = Figures()
    bucket = TokenBucket(args.rate) if args.rate > 0 else None
    server = Server(("127.0.0.1", 0), handler(args.latency, bucket, figures))
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
