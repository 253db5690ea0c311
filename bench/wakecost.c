/*
 * wakecost.c : what one wake costs on this machine now, the floor under any idle daemon's CPU:
 * sleeps 1 s COUNT times, then prints the CPU it was charged per wake (from its schedstat), in
 * microseconds. On a virtual machine a wake takes timer and interrupt exits that the guest charges
 * to the task woken, and their cost follows the host's load.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv) {
    int count = argc > 1 ? atoi(argv[1]) : 60;
    if (count < 1 || count > 3600) {
        fprintf(stderr, "usage: wakecost [COUNT 1-3600]\n");
        return 2;
    }
    unsigned long long before = 0, after = 0;
    FILE *f = fopen("/proc/thread-self/schedstat", "r");
    if (f == NULL || fscanf(f, "%llu", &before) != 1) {
        perror("schedstat");
        return 1;
    }
    for (int i = 0; i < count; i++) {
        struct timespec second = {1, 0};
        nanosleep(&second, NULL);
    }
    rewind(f);
    fflush(f);
    if (fscanf(f, "%llu", &after) != 1) {
        perror("schedstat");
        return 1;
    }
    printf("%.1f\n", (after - before) / 1e3 / count);
    return 0;
}
