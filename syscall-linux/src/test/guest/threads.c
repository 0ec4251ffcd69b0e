/*
 * Guest thread test: pthreads with mutexes, condition variables, a barrier built from them,
 * and C11 atomics, each checked against the result a correct machine must give. Prints one
 * line per check and a checksum; exits 0 only if every check holds.
 *
 * Built static by build.sh for aarch64 and armhf; ThreadsAndSignalsProgramTest runs it.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NTHREADS 6
#define ITERS 3000
#define QUEUE 8
#define ITEMS 400
#define ROUNDS 20

static int failures;

static void check(const char *what, unsigned long long got, unsigned long long want) {
    if (got == want) {
        printf("ok %s = %llu\n", what, got);
    } else {
        printf("FAIL %s = %llu, want %llu\n", what, got, want);
        failures++;
    }
}

/* ---- a plain counter under a mutex, and a per-thread result through pthread_join */
static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long long counter, weighted;

static void *count_under_mutex(void *arg) {
    uintptr_t id = (uintptr_t) arg;
    for (int i = 0; i < ITERS; i++) {
        pthread_mutex_lock(&counter_lock);
        counter++;
        weighted += id * 1000 + (i & 7);
        pthread_mutex_unlock(&counter_lock);
    }
    return (void *) (id * id);
}

/* ---- C11 atomics: fetch_add, a CAS loop, exchange, and a spin lock from atomic_flag */
static atomic_ullong atomic_sum;
static atomic_uint atomic_max;
static atomic_flag spin = ATOMIC_FLAG_INIT;
static unsigned long long spin_guarded;
static _Atomic unsigned int xor_acc;

static void *atomics(void *arg) {
    unsigned id = (unsigned) (uintptr_t) arg;
    unsigned x = id * 2654435761u + 1;
    for (int i = 0; i < ITERS; i++) {
        atomic_fetch_add_explicit(&atomic_sum, (unsigned long long) i + id, memory_order_relaxed);
        x = x * 1103515245u + 12345u;
        unsigned v = x >> 8;
        unsigned cur = atomic_load(&atomic_max);
        while (v > cur && !atomic_compare_exchange_weak(&atomic_max, &cur, v)) {
        }
        atomic_fetch_xor(&xor_acc, v);
        while (atomic_flag_test_and_set_explicit(&spin, memory_order_acquire)) {
        }
        spin_guarded += 3;
        atomic_flag_clear_explicit(&spin, memory_order_release);
    }
    return NULL;
}

/* the same sequences on one thread, for the expected max and xor */
static void atomics_expected(unsigned *max, unsigned *xr) {
    *max = 0;
    *xr = 0;
    for (unsigned id = 0; id < NTHREADS; id++) {
        unsigned x = id * 2654435761u + 1;
        for (int i = 0; i < ITERS; i++) {
            x = x * 1103515245u + 12345u;
            unsigned v = x >> 8;
            if (v > *max) {
                *max = v;
            }
            *xr ^= v;
        }
    }
}

/* ---- a bounded queue: producers and consumers on two condition variables */
static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t q_not_empty = PTHREAD_COND_INITIALIZER, q_not_full = PTHREAD_COND_INITIALIZER;
static int q_items[QUEUE], q_head, q_count, producers_left;
static unsigned long long consumed_sum, consumed_count;

static void *producer(void *arg) {
    int id = (int) (uintptr_t) arg;
    for (int i = 1; i <= ITEMS; i++) {
        pthread_mutex_lock(&q_lock);
        while (q_count == QUEUE) {
            pthread_cond_wait(&q_not_full, &q_lock);
        }
        q_items[(q_head + q_count) % QUEUE] = i * (id + 1);
        q_count++;
        pthread_cond_signal(&q_not_empty);
        pthread_mutex_unlock(&q_lock);
    }
    pthread_mutex_lock(&q_lock);
    producers_left--;
    pthread_cond_broadcast(&q_not_empty);
    pthread_mutex_unlock(&q_lock);
    return NULL;
}

static void *consumer(void *arg) {
    (void) arg;
    unsigned long long sum = 0, n = 0;
    for (;;) {
        pthread_mutex_lock(&q_lock);
        while (q_count == 0 && producers_left > 0) {
            pthread_cond_wait(&q_not_empty, &q_lock);
        }
        if (q_count == 0) {
            pthread_mutex_unlock(&q_lock);
            break;
        }
        int v = q_items[q_head];
        q_head = (q_head + 1) % QUEUE;
        q_count--;
        pthread_cond_signal(&q_not_full);
        pthread_mutex_unlock(&q_lock);
        sum += (unsigned) v;
        n++;
    }
    pthread_mutex_lock(&q_lock);
    consumed_sum += sum;
    consumed_count += n;
    pthread_mutex_unlock(&q_lock);
    return NULL;
}

/* ---- rounds separated by a barrier made of a mutex and a condition variable */
static pthread_mutex_t b_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t b_cond = PTHREAD_COND_INITIALIZER;
static int b_waiting, b_generation;
static unsigned long long slots[NTHREADS];
static int round_errors;

static void barrier(void) {
    pthread_mutex_lock(&b_lock);
    int gen = b_generation;
    if (++b_waiting == NTHREADS) {
        b_waiting = 0;
        b_generation++;
        pthread_cond_broadcast(&b_cond);
    } else {
        while (gen == b_generation) {
            pthread_cond_wait(&b_cond, &b_lock);
        }
    }
    pthread_mutex_unlock(&b_lock);
}

static void *rounds(void *arg) {
    int id = (int) (uintptr_t) arg;
    for (int r = 0; r < ROUNDS; r++) {
        slots[id] = (unsigned long long) r * 100 + id;
        barrier();
        /* every thread sees every slot of this round */
        for (int j = 0; j < NTHREADS; j++) {
            if (slots[j] != (unsigned long long) r * 100 + j) {
                pthread_mutex_lock(&b_lock);
                round_errors++;
                pthread_mutex_unlock(&b_lock);
            }
        }
        barrier();
    }
    return NULL;
}

static void run(void *(*fn)(void *), int n, void **results) {
    pthread_t t[NTHREADS * 2];
    for (int i = 0; i < n; i++) {
        if (pthread_create(&t[i], NULL, fn, (void *) (uintptr_t) i) != 0) {
            printf("FAIL pthread_create\n");
            exit(2);
        }
    }
    for (int i = 0; i < n; i++) {
        pthread_join(t[i], results ? &results[i] : NULL);
    }
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    void *res[NTHREADS];
    run(count_under_mutex, NTHREADS, res);
    unsigned long long joined = 0;
    for (int i = 0; i < NTHREADS; i++) {
        joined += (uintptr_t) res[i];
    }
    unsigned long long want_weighted = 0;
    for (int id = 0; id < NTHREADS; id++) {
        for (int i = 0; i < ITERS; i++) {
            want_weighted += (unsigned long long) id * 1000 + (i & 7);
        }
    }
    check("mutex counter", counter, (unsigned long long) NTHREADS * ITERS);
    check("mutex weighted sum", weighted, want_weighted);
    check("join results", joined, 0 + 1 + 4 + 9 + 16 + 25);

    run(atomics, NTHREADS, NULL);
    unsigned want_max, want_xor;
    atomics_expected(&want_max, &want_xor);
    unsigned long long want_sum = (unsigned long long) NTHREADS * ITERS * (ITERS - 1) / 2
            + (unsigned long long) ITERS * (NTHREADS * (NTHREADS - 1) / 2);
    check("atomic fetch_add", atomic_load(&atomic_sum), want_sum);
    check("atomic cas max", atomic_load(&atomic_max), want_max);
    check("atomic xor", atomic_load(&xor_acc), want_xor);
    check("spin lock", spin_guarded, 3ULL * NTHREADS * ITERS);

    pthread_t p[3], c[3];
    producers_left = 3;
    for (int i = 0; i < 3; i++) {
        pthread_create(&p[i], NULL, producer, (void *) (uintptr_t) i);
        pthread_create(&c[i], NULL, consumer, NULL);
    }
    for (int i = 0; i < 3; i++) {
        pthread_join(p[i], NULL);
        pthread_join(c[i], NULL);
    }
    check("queue items", consumed_count, 3ULL * ITEMS);
    check("queue sum", consumed_sum, (1ULL + 2 + 3) * ITEMS * (ITEMS + 1) / 2);

    run(rounds, NTHREADS, NULL);
    check("barrier rounds errors", round_errors, 0);

    unsigned long long checksum = counter ^ (weighted << 1) ^ atomic_load(&atomic_sum) ^ ((unsigned long long) want_max << 3)
            ^ consumed_sum ^ ((unsigned long long) want_xor << 7);
    printf("checksum %016llx\n", checksum);
    printf(failures ? "threads: %d FAILED\n" : "threads: all passed\n", failures);
    return failures ? 1 : 0;
}
