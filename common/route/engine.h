/* The route engine as the tools see it (fsd-route, and fsd-match, whose
 * decision it makes: common/match/decide.h), and the map of where
 * everything is. One model of a technician's day lives here.
 *
 * The files, in the order a job meets them:
 *   the run (struct route_run, records.h): the records* files read and
 *   write JSON, and no others; the rest is plain C over the run
 *     records.c           techs and jobs into a routing instance: who may
 *                         take a job (skills, exclusions, territory,
 *                         on-call), its weight
 *     records_clock.c     RFC 3339 times, or plain minutes, on one clock
 *     records_places.c    {lat, lon}, {x, y} or a router's matrix into
 *                         travel times
 *     records_techtime.c  a tech's time off, breaks, limits and overtime
 *     records_days.c      a job's due_range: a window a day
 *     records_parts.c     a job's parts, the trucks' stock, the stock file;
 *                         the pickup record
 *     parts.c             which trucks carry a job's parts, where to pick
 *                         up what they lack
 *     records_fixed.c     jobs locked at their seq
 *     fixed.c             a day's fixed stops, given to its vehicle
 *     records_replan.c    --now; each job's status, times and old break
 *     replan.c            what is done, under way, on the way: where and
 *                         when each day goes on
 *     seed.c              the plan jobs come with, as the search's start
 *     records_plan.c      the solution back onto the records; the summary
 *   the solver (plain C over struct route_instance; see route.h)
 *     instance.c   neighbour lists, classes of identical vehicles
 *     segment.h    O(1) feasibility by concatenated route segments
 *     timeline.c   a day by forward simulation, for what segments relax
 *     solution.c   routes and their segments, kept up to date
 *     insert.c     cheapest insertion; the last pass over every route
 *     ruin.c       SISR's string removals
 *     localsearch.c  relocate, swap, 2-opt*, 2-opt over near neighbours
 *     solve.c      ruin and recreate under simulated annealing
 *     start.c      from a start and from nothing; the start kept unless
 *                  the other is better
 *     late.c       deadlines no plan meets; room cleared for emergencies
 *     explain.c    why a job is out, and what made one late
 * Tested without JSON in tests/unit/test_route.c (every accepted move
 * checked against a plain simulation), and as a tool in
 * tests/fsd-route.bats. */
#ifndef FSD_ROUTE_ENGINE_H
#define FSD_ROUTE_ENGINE_H

#include "route/records.h"
#include "route/route.h"
#include "route/solution.h"

#endif
