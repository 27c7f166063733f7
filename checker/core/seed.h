/* seed.h: the run's seed, chosen once by the runner before any test starts. */
#ifndef WB_SEED_H
#define WB_SEED_H

unsigned long wb_run_seed(void);

#endif
