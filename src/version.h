/* version.h - fsrace's version, shown by --version and in reports. */
#ifndef FSRACE_VERSION_H
#define FSRACE_VERSION_H
#define FSRACE_VERSION "0.1.0"
#endif
