#ifndef TWO_FER_H
#define TWO_FER_H

void two_fer(char *buffer, const char *name);

#endif
