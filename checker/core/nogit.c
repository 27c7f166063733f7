/*
 * nogit.c: no libgit2 start-up in the judge.
 *
 * libcriterion calls git_libgit2_init() in every test process (Criterion executes the judge
 * afresh for each test) only to have git's diff at hand for string assertions, which the
 * checker never uses; Debian's libgit2, built with mbedTLS, parses the whole system CA bundle
 * in that call, several milliseconds of CPU per test. These definitions, linked into the judge
 * executable itself (an object, not an archive member, so that they are always in it), come
 * first in the dynamic symbol lookup and replace libgit2's pair. build.mk links it; make test
 * checks that the judge defines them.
 */
int git_libgit2_init(void);
int git_libgit2_shutdown(void);
int git_diff_buffers(void);

/* libgit2 returns the number of initialisations still in force; one, as if it had started. */
int git_libgit2_init(void) { return 1; }

int git_libgit2_shutdown(void) { return 0; }

/* Criterion's diff of two strings for a failed string assertion, which the checker never
   makes: "no diff" (an error code). With Criterion linked statically, libgit2 is not linked
   at all. */
int git_diff_buffers(void) { return -1; }
