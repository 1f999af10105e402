/* The staleness probe of bench/fleet.sh: what a client sees on one node right after another
 * node acknowledged a write.
 *
 *   fleet-probe PORT_A PORT_B SECONDS MAX_PROBES
 *
 * Over one keep-alive connection to each node (127.0.0.1, TCP_NODELAY), for at most SECONDS and
 * MAX_PROBES probes: GETs of /restaurants/{id} on node b until one is a hit (b holds it; a probe
 * whose GETs are no hit within 50 tries counts as not held and goes no further), a PUT of its
 * description on node a, then, from a's acknowledgement on, GETs of it on b (one every 2 ms or
 * so) until b answers the new description or a second has passed. Prints one JSON object: the
 * probes, those not held, the PUTs not answered 200, how many first GETs after the acknowledgement
 * were fresh, the stale answers in all, the latest time after the acknowledgement at which a GET
 * that was answered stale was sent (what CACHE_FLEET_BOUND_MS bounds), the probes never fresh
 * within the second, the mean and slowest time from the acknowledgement to the fresh answer, the
 * mean time of one GET on b (the resolution) and of one PUT on a. Exits 1 when a node stops
 * answering. */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int connect_to(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd < 0 || connect(fd, (struct sockaddr*)&addr, sizeof addr) != 0) {
    perror("fleet-probe: connect");
    exit(1);
  }
  int one = 1;
  struct timeval two_seconds = {.tv_sec = 2};
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &two_seconds, sizeof two_seconds);
  return fd;
}

static char answer[65536];
static int answer_was_hit;

/* One request on the keep-alive connection FD; the answer's body is left in `answer` (NUL
 * terminated), and answer_was_hit says whether it came with X-Cache-Status: HIT. Returns the
 * status, or -1 when no whole answer came. */
static int http(int fd, const char* method, const char* path, const char* body) {
  char request[1024];
  int n = snprintf(request, sizeof request,
                   "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
                   method, path, strlen(body), body);
  if (n <= 0 || (size_t)n >= sizeof request || send(fd, request, (size_t)n, MSG_NOSIGNAL) != n) return -1;
  size_t have = 0, header_end = 0, length = 0;
  for (;;) {
    if (have == sizeof answer - 1) return -1;
    ssize_t got = recv(fd, answer + have, sizeof answer - 1 - have, 0);
    if (got <= 0) return -1;
    have += (size_t)got;
    answer[have] = '\0';
    if (header_end == 0) {
      char* end = strstr(answer, "\r\n\r\n");
      if (end == NULL) continue;
      header_end = (size_t)(end - answer) + 4;
      answer_was_hit = 0;
      for (char* line = strstr(answer, "\r\n"); line != NULL && line < end; line = strstr(line + 2, "\r\n")) {
        if (strncasecmp(line + 2, "content-length:", 15) == 0) length = strtoul(line + 17, NULL, 10);
        if (strncasecmp(line + 2, "x-cache-status: HIT\r", 20) == 0) answer_was_hit = 1;
      }
    }
    if (have >= header_end + length) break;
  }
  int status = atoi(answer + 9);  // "HTTP/1.1 200 OK"
  memmove(answer, answer + header_end, length);
  answer[length] = '\0';
  return status;
}

static void pause_ms(long ms) {
  struct timespec t = {.tv_sec = 0, .tv_nsec = ms * 1000000L};
  nanosleep(&t, NULL);
}

int main(int argc, char** argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: fleet-probe PORT_A PORT_B SECONDS MAX_PROBES\n");
    return 2;
  }
  int a = connect_to(atoi(argv[1])), b = connect_to(atoi(argv[2]));
  double deadline = now_ms() + atof(argv[3]) * 1e3;
  int max_probes = atoi(argv[4]);
  int probes = 0, not_held = 0, put_failures = 0, fresh_first = 0, stale = 0, never = 0, fresh_count = 0, first_reads = 0;
  double worst = 0, fresh_sum = 0, first_sum = 0, put_sum = 0, latest_stale = -1;
  char path[64], body[128], expected[64];
  while (probes < max_probes && now_ms() < deadline) {
    ++probes;
    int id = probes * 37 % 1000 + 1;
    snprintf(path, sizeof path, "/restaurants/%d", id);
    snprintf(body, sizeof body, "{\"description\":\"fleet probe %d.%d\"}", (int)getpid(), probes);
    snprintf(expected, sizeof expected, "\"fleet probe %d.%d\"", (int)getpid(), probes);
    int held = 0;
    for (int tries = 0; tries < 50 && !held; ++tries) {
      if (tries > 0) pause_ms(2);
      if (http(b, "GET", path, "") < 0) return 1;
      held = answer_was_hit;
    }
    if (!held) {
      ++not_held;
      continue;
    }
    double put_start = now_ms();
    int status = http(a, "PUT", path, body);
    if (status < 0) return 1;
    if (status != 200) {
      ++put_failures;
      continue;
    }
    double acknowledged = now_ms();
    put_sum += acknowledged - put_start;
    for (int tries = 1;; ++tries) {
      double sent = now_ms() - acknowledged;
      if (http(b, "GET", path, "") < 0) return 1;
      double t = now_ms() - acknowledged;
      if (tries == 1) {
        first_sum += t;
        ++first_reads;
      }
      if (strstr(answer, expected) != NULL) {
        fresh_first += tries == 1;
        fresh_sum += t;
        ++fresh_count;
        if (t > worst) worst = t;
        break;
      }
      ++stale;
      if (sent > latest_stale) latest_stale = sent;
      if (t > 1000) {
        ++never;
        break;
      }
      pause_ms(2);
    }
  }
  printf("{\"probes\":%d,\"not_held\":%d,\"put_failures\":%d,\"fresh_first_read\":%d,\"stale_answers\":%d,"
         "\"never_fresh_in_1s\":%d,",
         probes, not_held, put_failures, fresh_first, stale, never);
  if (fresh_count > 0)
    printf("\"mean_ms_to_fresh\":%.3f,\"max_ms_to_fresh\":%.3f,", fresh_sum / fresh_count, worst);
  else
    printf("\"mean_ms_to_fresh\":null,\"max_ms_to_fresh\":null,");
  if (stale > 0)
    printf("\"latest_stale_start_ms\":%.3f,", latest_stale);
  else
    printf("\"latest_stale_start_ms\":null,");
  if (first_reads > 0)
    printf("\"read_ms\":%.3f,\"put_ms\":%.3f}\n", first_sum / first_reads, put_sum / first_reads);
  else
    printf("\"read_ms\":null,\"put_ms\":null}\n");
  return 0;
}
