/* The route engine as the tools see it (fsd-route, and fsd-match, whose
 * decision it makes: common/match/decide.h), and the map of where
 * everything is. One model of a technician's day lives here.
 *
 * The files, in the order a job meets them:
 *   records (JSON: these files and no others)
 *     records.c    techs and jobs into a routing instance: who may take a
 *                  job (skills, exclusions, territory, on-call), its weight
 *     clock.c      RFC 3339 times, or plain minutes, on one clock
 *     places.c     {lat, lon}, {x, y} or a router's matrix into travel times
 *     techtime.c   a tech's time off, breaks, limits and overtime
 *     days.c       a job's due_range: a window a day
 *     parts.c      parts on the truck, and where to pick up what it lacks
 *     fixed.c      jobs locked at their seq: a day's fixed stops
 *     replan.c     --now: what is done, under way, on the way
 *     seed.c       the plan jobs come with, as the search's start
 *     plan.c       the solution back onto the records; the summary
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
